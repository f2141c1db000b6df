import { MessageEnvelope } from '@oncall/contracts';
import { DataSource } from 'typeorm';
import { projectStoredFact, REPORT_TABLES } from './reporting.projection';

const BATCH = 1_000;

/**
 * Empties the read models and projects every stored fact again, in the order they were received. The
 * projection commutes (see incident-row-writes), so any order gives the same tables; one order keeps it
 * easy to reason about. Live recording waits on the table locks while the read models are emptied.
 */
export async function rebuildReporting(dataSource: DataSource): Promise<number> {
  let replayed = 0;
  await dataSource.transaction(async (tx) => {
    await tx.query(`TRUNCATE ${REPORT_TABLES.join(', ')}`);
    for (let after = 0; ;) {
      const rows: { seq: string; type: string; envelope: MessageEnvelope }[] = await tx.query(
        'SELECT seq, type, envelope FROM report_facts WHERE seq > $1 ORDER BY seq LIMIT $2',
        [after, BATCH],
      );
      if (rows.length === 0) break;
      for (const row of rows) await projectStoredFact(row.type, row.envelope, tx);
      replayed += rows.length;
      after = Number(rows[rows.length - 1].seq);
    }
  });
  return replayed;
}
