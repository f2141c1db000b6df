import { REPO_ROOT } from '@oncall/platform-testing';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  Fact,
  IncidentHistory,
  randomHistories,
  ReportingTestDatabase,
  reportingTestDatabase,
  rotationLife,
} from '../testing/report-facts.fixtures';
import { REPORT_TABLES, ReportingProjection } from './reporting.projection';

const ORG = 'org-report-projection';

describe('Reporting projections', () => {
  let database: ReportingTestDatabase;
  let dataSource: DataSource;
  let projection: ReportingProjection;

  beforeAll(async () => {
    database = await reportingTestDatabase('reporting_proj', 'reporting-projection-test');
    dataSource = database.dataSource;
    projection = new ReportingProjection(dataSource);
  });
  afterAll(() => database.close());

  it('projects a known history into the rows written here, whatever order the streams deliver it in', async () => {
    const h = new IncidentHistory(ORG)
      .triggered('2027-03-02T10:00:00.000Z', { serviceId: 'svc-a', integrationId: 'int-1' })
      .paged('2027-03-02T10:01:00.000Z', 'u1', 1)
      .paged('2027-03-02T10:06:00.000Z', 'u2', 2)
      .alertAppended('2027-03-02T10:06:30.000Z')
      .alertRepeated('2027-03-02T10:06:40.000Z', 3)
      .severityChanged('2027-03-02T10:07:00.000Z', 'critical', 'high')
      .acknowledged('2027-03-02T10:08:00.000Z', 'u2')
      .unacknowledged('2027-03-02T10:10:00.000Z')
      .acknowledged('2027-03-02T10:20:00.000Z', 'u1')
      .resolved('2027-03-02T11:00:00.000Z');
    // Pages first (another stream, another consumer), the whole history twice over (redelivery).
    const escalation = h.facts.filter((fact) => fact.source === 'escalation');
    const incident = h.facts.filter((fact) => fact.source === 'incident');
    const recorded = [];
    for (const fact of [...escalation, ...incident.reverse(), ...h.facts])
      recorded.push(await projection.record(fact.source, fact.envelope));
    expect(recorded.filter(Boolean)).toHaveLength(h.facts.length);

    const [row] = await dataSource.query('SELECT * FROM report_incidents WHERE incident_id = $1', [
      h.incidentId,
    ]);
    expect(row).toEqual({
      incident_id: h.incidentId,
      org_id: ORG,
      opened_at: new Date('2027-03-02T10:00:00.000Z'),
      acknowledged_at: new Date('2027-03-02T10:08:00.000Z'),
      resolved_at: new Date('2027-03-02T11:00:00.000Z'),
      merged: false,
      severity: 'high',
      severity_version: 4,
      service_id: 'svc-a',
      source_id: 'int-1',
      alert_count: 5,
      max_level: 2,
      unanswered: false,
      acknowledged_by: ['u1', 'u2'],
      ack_seconds: 480,
      resolve_seconds: 3600,
      opened_quarter: Date.parse('2027-03-02T10:00:00.000Z') / 900_000,
    });
    const acks = await dataSource.query(
      'SELECT user_id, at FROM report_acknowledgements WHERE incident_id = $1 ORDER BY at',
      [h.incidentId],
    );
    expect(acks).toEqual([
      { user_id: 'u2', at: new Date('2027-03-02T10:08:00.000Z') },
      { user_id: 'u1', at: new Date('2027-03-02T10:20:00.000Z') },
    ]);
    const pages = await dataSource.query(
      'SELECT user_id, level FROM report_pages WHERE incident_id = $1 ORDER BY at',
      [h.incidentId],
    );
    expect(pages).toEqual([
      { user_id: 'u1', level: 1 },
      { user_id: 'u2', level: 2 },
    ]);
  });

  it('keeps a schedule’s revisions and an override after they are edited, ended or deleted', async () => {
    const { schedule: v1, facts } = rotationLife(ORG, {
      rotation: {
        createdAt: '2027-03-01T00:00:00.000Z',
        timeZone: 'Europe/Amsterdam',
        participants: ['u1', 'u2'],
        handoff: '2027-03-01T09:00',
      },
      override: {
        id: 'ovr-1',
        userId: 'u9',
        start: '2027-03-05T00:00:00.000Z',
        end: '2027-03-06T00:00:00.000Z',
        createdAt: '2027-03-04T00:00:00.000Z',
      },
      overrideEndedAt: '2027-03-05T06:00:00.000Z',
      revision: { at: '2027-03-10T12:00:00.000Z', participants: ['u3'] },
      deletedAt: '2027-03-20T00:00:00.000Z',
    });
    for (const fact of facts) await projection.record(fact.source, fact.envelope);
    const revisions = await dataSource.query(
      'SELECT version, effective_from FROM report_schedule_revisions WHERE schedule_id = $1 ORDER BY version',
      [v1.id],
    );
    expect(revisions).toEqual([
      { version: 1, effective_from: new Date('2027-03-01T00:00:00.000Z') },
      { version: 2, effective_from: new Date('2027-03-10T12:00:00.000Z') },
    ]);
    const [schedule] = await dataSource.query(
      'SELECT deleted_at FROM report_schedules WHERE schedule_id = $1',
      [v1.id],
    );
    expect(schedule.deleted_at).toEqual(new Date('2027-03-20T00:00:00.000Z'));
    const [kept] = await dataSource.query(
      'SELECT ends_at, deleted_at FROM report_overrides WHERE override_id = $1',
      ['ovr-1'],
    );
    expect(kept).toEqual({ ends_at: new Date('2027-03-05T06:00:00.000Z'), deleted_at: null });
  });

  it('rebuilds with `npm run rebuild-projections -- reporting` into the same tables as live projection', async () => {
    const facts: Fact[] = randomHistories(ORG, 400, 7, '2027-04-01T00:00:00.000Z').flatMap((h) => h.facts);
    // Streams interleave: shuffle across incidents, keeping each stream's own order; a fifth come twice.
    let seed = 11;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const delivered = [...facts].sort(() => random() - 0.5);
    const redelivered = delivered.filter(() => random() < 0.2);
    let news = 0;
    for (const fact of [...delivered, ...redelivered])
      if (await projection.record(fact.source, fact.envelope)) news++;
    expect(news).toBe(facts.length);
    const live = await snapshot(dataSource);
    expect(live.report_incidents.length).toBeGreaterThanOrEqual(400);

    await dataSource.query(
      'DELETE FROM report_incidents WHERE ctid IN (SELECT ctid FROM report_incidents LIMIT 50)',
    );
    await dataSource.query('UPDATE report_pages SET level = 99');
    const stored = Number((await dataSource.query('SELECT count(*) FROM report_facts'))[0].count);

    const result = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'scripts/run-ts.js'), 'scripts/rebuild-projections.ts', 'reporting'],
      { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: database.url }, encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(new RegExp(`^Rebuilt reporting: ${stored} events replayed`));
    expect(await snapshot(dataSource)).toEqual(live);
  }, 120_000);
});

async function snapshot(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of REPORT_TABLES)
    tables[table] = await dataSource.query(`SELECT * FROM ${table} ORDER BY 1, 2`);
  return tables;
}
