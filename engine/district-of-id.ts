// Which district a unit id names, by the department's list of district names
// (catalogues/districts.json): a file whose id column holds district names gets its province
// and district shown beside each result. No guessing: only an exact name (or the same name after
// "อำเภอ") that belongs to one district alone; a name shared by districts of two provinces, a code
// or anything else names nothing. The list holds names only, not district codes.
import data from './catalogues/districts.json' with { type: 'json' };

/** A district of the list and its province. */
export interface DistrictPlace {
  province: string;
  district: string;
}

/** Each district name to its one place, or null when two provinces have a district of that name. */
let byName: Map<string, DistrictPlace | null> | undefined;

function index(): Map<string, DistrictPlace | null> {
  if (byName) return byName;
  byName = new Map();
  for (const { province, districts } of data.provinces) {
    for (const district of districts) byName.set(district, byName.has(district) ? null : { province, district });
  }
  return byName;
}

/** The one district a unit id names exactly (spaces around it and a leading "อำเภอ" aside), or undefined. */
export function districtOfId(id: string): DistrictPlace | undefined {
  const name = id.normalize('NFC').trim().replace(/^อำเภอ\s*/, '');
  return index().get(name) ?? undefined;
}
