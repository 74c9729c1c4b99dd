// The strict workbook reader (engine/import/xlsx-grids.ts) with Node's zlib: parts inflated
// synchronously as the reader asks for them. `nodeInflater` is what the CLI gives readGrids.
import { inflateRawSync } from 'node:zlib';
import type { Grid } from '../import/read-file.js';
import { readXlsxGridsFast as readParts } from '../import/xlsx-grids.js';
import { XlsxParts, type Inflater } from '../import/xlsx-zip.js';

/** Raw deflate with node:zlib, stopping past maxBytes. */
export const nodeInflater: Inflater = { sync: true, raw: (data, maxBytes) => inflateRawSync(data, { maxOutputLength: maxBytes }) };

/** A workbook's visible sheets as grids, or undefined for a workbook whose structure the strict reader does not know. */
export function readXlsxGridsFast(bytes: Uint8Array): Grid[] | undefined {
  const parts = XlsxParts.open(bytes, nodeInflater);
  return parts && readParts(parts);
}
