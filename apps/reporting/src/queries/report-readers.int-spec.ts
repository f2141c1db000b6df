import { SystemClock } from '@oncall/platform-clock';
import {
  AcknowledgementRecord,
  IncidentFilter,
  IncidentRecord,
  burdenOf,
  incidentReport,
  incidentTrend,
  PageRecord,
} from '@oncall/reporting-domain';
import { DataSource } from 'typeorm';
import { ReportingProjection } from '../projections/reporting.projection';
import {
  randomHistories,
  ReportingTestDatabase,
  reportingTestDatabase,
  rotationLife,
} from '../testing/report-facts.fixtures';
import { BurdenReader } from './burden.reader';
import { IncidentReportReader } from './incident-report.reader';
import { IncidentTrendReader } from './incident-trend.reader';
import { ShiftHistoryReader } from './shift-history.reader';

const ORG = 'org-report-readers';
const OTHER_ORG = 'org-report-readers-other';
// Europe and North America change to summer time inside it (14 and 28 March 2027).
const WINDOW = { from: '2027-03-08T00:00:00.000Z', to: '2027-04-02T00:00:00.000Z' };

describe('Report readers (SQL) against reporting-domain’s definitions', () => {
  let database: ReportingTestDatabase;
  let dataSource: DataSource;
  let incidents: IncidentRecord[];
  let acknowledgements: AcknowledgementRecord[];

  beforeAll(async () => {
    database = await reportingTestDatabase('reporting_readers', 'reporting-readers-test');
    dataSource = database.dataSource;
    const projection = new ReportingProjection(dataSource);
    const histories = [
      ...randomHistories(ORG, 300, 3, '2027-03-05T00:00:00.000Z'),
      ...randomHistories(OTHER_ORG, 50, 5, '2027-04-01T00:00:00.000Z'),
    ];
    for (const fact of histories.flatMap((h) => h.facts)) await projection.record(fact.source, fact.envelope);
    incidents = (await dataSource.query('SELECT * FROM report_incidents WHERE org_id = $1', [ORG])).map(
      toRecord,
    );
    acknowledgements = (
      await dataSource.query(
        'SELECT incident_id, user_id, at FROM report_acknowledgements WHERE org_id = $1',
        [ORG],
      )
    ).map((row: { incident_id: string; user_id: string; at: Date }) => ({
      incidentId: row.incident_id,
      userId: row.user_id,
      at: row.at.toISOString(),
    }));
  });
  afterAll(() => database.close());

  it.each<[string, Omit<IncidentFilter, 'window'>]>([
    ['no filter', {}],
    ['a service', { serviceIds: ['svc-b'] }],
    ['two severities', { severities: ['critical', 'warning'] }],
    ['unknown sources', { sourceIds: ['none'] }],
  ])('gives every dashboard figure exactly as incidentReport does (%s)', async (_name, filters) => {
    const clientOf = { 'svc-a': 'client-x', 'svc-b': 'client-x', 'svc-c': null };
    const answer = await new IncidentReportReader(dataSource).report(ORG, {
      ...WINDOW,
      ...filters,
      clientOf,
    });
    const expected = incidentReport(incidents, acknowledgements, { window: WINDOW, ...filters }, clientOf);
    expect(expected.incidents).toBeGreaterThan(0);
    expect(answer).toEqual({ window: WINDOW, ...expected });
  });

  it.each([
    ['day', 'Europe/Amsterdam', {}],
    ['week', 'America/New_York', {}],
    ['day', 'Asia/Kolkata', { severities: ['critical'] }],
  ] as const)(
    'gives the %s trend in %s (%j) exactly as incidentTrend does',
    async (bucket, timeZone, filters) => {
      // Not on quarter hours: the rollups serve the whole quarters, the incidents the edges.
      const window = { from: '2027-03-08T00:07:30.000Z', to: '2027-04-01T23:52:00.000Z' };
      const answer = await new IncidentTrendReader(dataSource).trend(ORG, {
        ...window,
        ...filters,
        bucket,
        timeZone,
      });
      expect(answer.points).toEqual(incidentTrend(incidents, { window, ...filters }, bucket, timeZone));
    },
  );

  it('keeps the quarter-hour rollups equal to the incidents they sum', async () => {
    const recomputed = await dataSource.query(
      `SELECT org_id, opened_quarter AS quarter, count(*)::int AS incidents,
         count(ack_seconds)::int AS ack_count, coalesce(sum(ack_seconds::numeric), 0) AS ack_sum,
         count(resolve_seconds)::int AS resolve_count, coalesce(sum(resolve_seconds::numeric), 0) AS resolve_sum,
         count(*) FILTER (WHERE unanswered)::int AS unanswered
       FROM report_incidents WHERE opened_quarter IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const kept = await dataSource.query(
      'SELECT * FROM report_quarter_rollups WHERE incidents > 0 ORDER BY 1, 2',
    );
    expect(kept).toEqual(recomputed);
  });

  it('counts pages in each person’s own zone across DST exactly as burdenOf does', async () => {
    const pages: PageRecord[] = (
      await dataSource.query('SELECT page_id, incident_id, user_id, at FROM report_pages WHERE org_id = $1', [
        ORG,
      ])
    ).map((row: { page_id: string; incident_id: string; user_id: string; at: Date }) => ({
      pageId: row.page_id,
      incidentId: row.incident_id,
      userId: row.user_id,
      at: row.at.toISOString(),
    }));
    const people = [
      { userId: 'u1', timeZone: 'Europe/Amsterdam' },
      { userId: 'u2', timeZone: 'America/New_York' },
      { userId: 'u3', timeZone: 'Asia/Kolkata' },
    ];
    const reader = new BurdenReader(dataSource, new ShiftHistoryReader(dataSource), new SystemClock());
    const answer = await reader.burden(ORG, { ...WINDOW, people });
    const expected = burdenOf({ window: WINDOW, people, shifts: [], pages, acknowledgements });
    expect(expected.reduce((sum, person) => sum + person.pagesDuringSleepHours, 0)).toBeGreaterThan(0);
    expect(answer.people).toEqual(expected);
  });

  it('counts hours on call from schedules as they were: edited, overridden, then deleted', async () => {
    const projection = new ReportingProjection(dataSource);
    // Daily handovers at 09:00 Amsterdam between u1 and u2 from Sunday 1 March 2026.
    const { facts } = rotationLife(ORG, {
      rotation: {
        createdAt: '2026-03-01T08:00:00.000Z',
        timeZone: 'Europe/Amsterdam',
        participants: ['u1', 'u2'],
        handoff: '2026-03-01T09:00',
      },
      override: {
        id: 'override-u3',
        userId: 'u3',
        start: '2026-03-05T08:00:00.000Z',
        end: '2026-03-05T20:00:00.000Z',
        reason: 'swap',
        createdBy: 'u1',
        createdAt: '2026-03-02T00:00:00.000Z',
      },
      // From 10 March 09:00 only u4 is on call; the schedule is deleted on 20 March at 09:00.
      revision: { at: '2026-03-10T08:00:00.000Z', participants: ['u4'] },
      deletedAt: '2026-03-20T08:00:00.000Z',
    });
    for (const fact of facts) await projection.record(fact.source, fact.envelope);
    const reader = new BurdenReader(dataSource, new ShiftHistoryReader(dataSource), new SystemClock());
    const people = ['u1', 'u2', 'u3', 'u4'].map((userId) => ({ userId, timeZone: 'Europe/Amsterdam' }));
    const answer = await reader.burden(ORG, {
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
      people,
    });
    // u1: 1, 3, 5, 7, 9 March (5 days) less the 12-hour override; u2: 2, 4, 6, 8 March; u4: 10 to 20 March.
    expect(answer.people.map((person) => [person.userId, person.hoursOnCall])).toEqual([
      ['u1', 108],
      ['u2', 96],
      ['u3', 12],
      ['u4', 240],
    ]);
    expect(answer.spread.carryingTooMuch).toEqual(['u4']);
  });
});

function toRecord(row: Record<string, never>): IncidentRecord {
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  return {
    incidentId: row.incident_id,
    openedAt: iso(row.opened_at) as string,
    acknowledgedAt: iso(row.acknowledged_at),
    resolvedAt: iso(row.resolved_at),
    merged: row.merged,
    severity: row.severity,
    serviceId: row.service_id,
    sourceId: row.source_id,
    alertCount: row.alert_count,
    maxLevel: row.max_level,
    unanswered: row.unanswered,
  };
}
