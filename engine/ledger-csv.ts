// The adoption ledger as a CSV file the department opens in Excel: one line per province with a
// CDD office, with a byte-order mark so that Thai Excel reads it as UTF-8. Browser-safe.
import { csvCell } from './cases.js';
import { STATE_WORDS } from './words.js';

/** A province's row of the ledger, as engine/store/publication.ts adoption gives it. */
export interface LedgerRow {
  province: string;
  code: string;
  en: string;
  token: boolean;
  sequence: number | null;
  at: string | null;
  latest: number;
  state: 'current' | 'behind' | 'never-pulled';
}

const HEADERS = ['จังหวัด', 'province', 'code', 'token', 'state', 'สถานะ', 'received', 'latest', 'last_fetched'];

/** The ledger of one period as CSV, a header line first. */
export function ledgerCsv(rows: readonly LedgerRow[]): string {
  const lines = [HEADERS, ...rows.map((r) => [r.province, r.en, r.code, r.token ? 'yes' : 'no', r.state, STATE_WORDS[r.state].th, r.sequence === null ? '' : String(r.sequence), String(r.latest), r.at ?? ''])];
  return '\uFEFF' + lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
