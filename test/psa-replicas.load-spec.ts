import { stageForAll, waitFor } from '@oncall/platform-testing';
import { externalIdOf, openAndAcknowledge, PsaStage } from './support/psa-fixtures';

const INCIDENTS = 500;

describe('Two psa-sync replicas (PSA stand-in)', () => {
  const stage = stageForAll(() =>
    PsaStage.start('psa-replicas', 'replicas-msp', { services: ['admin-api', 'incident-state', 'psa-sync'] }),
  );

  it(`makes ${INCIDENTS} tickets for ${INCIDENTS} acknowledged incidents, none doubled, and links each`, async () => {
    const { platform, psa, org, bus } = stage;
    const replica = await platform.startReplica('psa-sync');
    try {
      const started = Date.now();
      const incidents = await openAndAcknowledge(bus, org, INCIDENTS);
      const acknowledged = (Date.now() - started) / 1000;
      await waitFor('every ticket created', () => psa.tickets.size >= INCIDENTS, { timeoutMs: 240_000, intervalMs: 200 }); // prettier-ignore
      const created = (Date.now() - started) / 1000;
      const linked = async () =>
        platform.withSchema('incident_state', async (db) => {
          const [row]: { count: string }[] = await db.query(
            `SELECT count(*) FROM incidents WHERE org_id = $1 AND ticket IS NOT NULL AND ticket <> 'null'::jsonb`,
            [org.orgId],
          );
          return Number(row.count);
        });
      await waitFor('every ticket on its incident', async () => (await linked()) === INCIDENTS, { timeoutMs: 60_000, intervalMs: 500 }); // prettier-ignore
      const seconds = (Date.now() - started) / 1000;

      expect(psa.tickets.size).toBe(INCIDENTS);
      const externalIds = new Set([...psa.tickets.values()].map((ticket) => ticket.externalId));
      expect(externalIds.size).toBe(INCIDENTS);
      for (const id of incidents) expect(externalIds.has(externalIdOf(org.orgId, id))).toBe(true);
      expect(psa.requests.filter((request) => request.status === 201)).toHaveLength(INCIDENTS);
      const owners = await platform.withSchema('psa_sync', (db) =>
        db.query(
          `SELECT count(*)::int AS created FROM ticket_links WHERE state = 'created' AND attempts = 1`,
        ),
      );
      expect(owners).toEqual([{ created: INCIDENTS }]);
      process.stdout.write(
        `${INCIDENTS} incidents: acknowledged after ${acknowledged.toFixed(1)} s, tickets created after ` +
          `${created.toFixed(1)} s, all linked after ${seconds.toFixed(1)} s\n`,
      );
    } finally {
      await replica.close();
    }
  }, 400_000);
});
