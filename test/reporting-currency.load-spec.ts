import { stageForAll, waitFor } from '@oncall/platform-testing';
import { INCIDENT_SERVICES, IncidentStage } from './support/incident-stage';

const INCIDENTS = 20;
const BOUND_MS = 2_000;

/**
 * Issue 14: reports are current within 2 s of the event. Alerts go through the real path (gateway,
 * dedup-grouping, incident-state's outbox, JetStream); reporting stamps when it projected each fact, so
 * the lag is read from its own rows: received_at − the event's occurredAt.
 */
describe('Reporting is current within 2 s of the event', () => {
  const stage = stageForAll(() =>
    IncidentStage.start('reportlag', { services: [...INCIDENT_SERVICES, 'reporting'] }),
  );

  it('projects every trigger and acknowledgement within 2 s, and the report shows them', async () => {
    const incidents = stage.incidents;
    const technician = stage.token('technician', 'demo-tech-1');
    for (let i = 0; i < INCIDENTS; i++) {
      const incident = await incidents.trigger(`Currency ${i}`, { dedupKey: `currency-${i}` }, technician);
      expect((await incidents.act(technician, incident.incidentId, 'acknowledge')).status).toBe(200);
    }
    const lags = await waitFor('reporting to project every trigger and acknowledgement', () =>
      stage.platform.withSchema('reporting', async (db) => {
        const rows: { lag_ms: number }[] = await db.query(
          `SELECT (date_part('epoch', received_at - occurred_at) * 1000)::float8 AS lag_ms FROM report_facts
           WHERE type IN ('incident:IncidentTriggered', 'incident:IncidentAcknowledged')`,
        );
        return rows.length === 2 * INCIDENTS ? rows.map((row) => row.lag_ms) : undefined;
      }),
    );
    expect(Math.max(...lags)).toBeLessThan(BOUND_MS);
    const manager = stage.token('manager', 'demo-manager');
    const report = (await (await stage.platform.api('/api/v1/reports/incidents', manager)).json()) as {
      incidents: number;
      mtta: { count: number };
    };
    expect(report.incidents).toBe(INCIDENTS);
    expect(report.mtta.count).toBe(INCIDENTS);
  }, 120_000);
});
