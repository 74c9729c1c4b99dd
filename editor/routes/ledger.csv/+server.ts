// GET /ledger.csv?period=2567-Q3: the adoption ledger of a period (every province with a CDD office)
// as a CSV download, for the signed-in department.
import { error } from '@sveltejs/kit';
import { storeDb } from '$lib/server/context.js';
import { adoption, publishedPeriods } from '$engine/store/publication.js';
import { ledgerCsv } from '$engine/ledger-csv.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
  const db = storeDb();
  const periods = publishedPeriods(db);
  const period = url.searchParams.get('period') ?? periods.at(-1);
  if (!period || !periods.includes(period)) error(404, { message: `no published period ${period ?? ''}`, th: `ไม่มีไตรมาสที่เผยแพร่ ${period ?? ''}` });
  return new Response(ledgerCsv(adoption(db, period)), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="ledger-${period}.csv"` },
  });
};
