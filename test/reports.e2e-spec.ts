import { BurdenAnswer, IncidentReportAnswer, IncidentTrendAnswer } from '@oncall/contracts';
import { stageForAll, waitFor } from '@oncall/platform-testing';
import { randomUUID } from 'node:crypto';
import { Fact, IncidentHistory, subjectOf } from '../apps/reporting/src/testing/report-facts.fixtures';
import { IncidentStage } from './support/incident-stage';

const WINDOW = 'from=2026-11-02T00:00:00Z&to=2026-11-09T00:00:00Z';
const OTHER_ORG = 'org-reports-b';

/**
 * Reports through admin-api: facts published on the bus as their owners publish them, projected by
 * reporting, answered to owners and managers (technicians: their own burden), never across organizations.
 */
describe('Reports API', () => {
  const stage = stageForAll(() => IncidentStage.start('reports', { services: ['admin-api', 'reporting'] }));
  const technician = () => stage.token('technician', 'demo-tech-1');
  let tech: string;
  let boss: string;

  beforeAll(async () => {
    const ids = (hubUserId: string) =>
      stage.platform.withSchema('admin_api', async (db) => {
        const rows: { id: string }[] = await db.query('SELECT id FROM users WHERE hub_user_id = $1', [
          hubUserId,
        ]);
        return rows[0].id;
      });
    [tech, boss] = [await ids('demo-tech-1'), await ids('demo-manager')];
    const source = { serviceId: stage.demo.serviceId, integrationId: 'int-demo' };
    const facts: Fact[] = [
      ...new IncidentHistory(stage.demo.orgId)
        .triggered('2026-11-02T10:00:00.000Z', source)
        .paged('2026-11-02T10:01:00.000Z', tech, 1)
        .acknowledged('2026-11-02T10:02:00.000Z', tech)
        .resolved('2026-11-02T10:30:00.000Z').facts,
      ...new IncidentHistory(stage.demo.orgId)
        .triggered('2026-11-03T03:00:00.000Z', { ...source, severity: 'high' })
        .paged('2026-11-03T03:00:30.000Z', tech, 1)
        .paged('2026-11-03T03:10:00.000Z', boss, 2)
        .acknowledged('2026-11-03T03:15:00.000Z', boss)
        .resolved('2026-11-03T04:00:00.000Z').facts,
      ...new IncidentHistory(stage.demo.orgId)
        .triggered('2026-11-04T12:00:00.000Z', source)
        .paged('2026-11-04T12:00:00.000Z', tech, 1)
        .unanswered('2026-11-04T13:00:00.000Z')
        .resolved('2026-11-04T14:00:00.000Z').facts,
      ...new IncidentHistory(OTHER_ORG).triggered('2026-11-05T09:00:00.000Z', { serviceId: randomUUID() })
        .facts,
    ];
    for (const fact of facts) await stage.bus.publisher.publish(subjectOf(fact), fact.envelope);
    // A redelivered message is recorded once.
    await stage.bus.publisher.publish(subjectOf(facts[0]), { ...facts[0].envelope });
    await waitFor('reporting to record every fact', () =>
      stage.platform.withSchema('reporting', async (db) => {
        const [{ count }] = await db.query('SELECT count(*)::int AS count FROM report_facts');
        return count === facts.length || undefined;
      }),
    );
  }, 60_000);

  const get = async (path: string, token: string, headers: Record<string, string> = {}) =>
    stage.platform.api(path, token, { headers });
  const report = async (path: string, token: string) =>
    (await (await get(path, token)).json()) as IncidentReportAnswer;

  it('gives a manager every figure of the dashboard over the window', async () => {
    const response = await get(`/api/v1/reports/incidents?${WINDOW}`, stage.manager);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      window: { from: '2026-11-02T00:00:00.000Z', to: '2026-11-09T00:00:00.000Z' },
      incidents: 3,
      mtta: { count: 2, mean: 510, median: 510, p90: 822 },
      mttr: { count: 3, mean: 4200, median: 3600, p90: 6480 },
      volume: {
        bySeverity: { critical: 2, high: 1 },
        byService: { [stage.demo.serviceId]: 3 },
        byClient: { none: 3 },
        bySource: { 'int-demo': 3 },
      },
      escalation: { steppedBeyondFirst: 1, escalationRate: 1 / 3, unanswered: 1, unansweredRate: 1 / 3 },
      noise: { alerts: 3, alertsPerIncident: 1 },
      acknowledgementsByPerson: { [tech]: 1, [boss]: 1 },
    });
  });

  it('narrows by severity, and answers the trend per day', async () => {
    const high = await report(`/api/v1/reports/incidents?${WINDOW}&severity=high`, stage.manager);
    expect(high.incidents).toBe(1);
    const trend = (await (
      await get(`/api/v1/reports/incidents/trend?${WINDOW}&bucket=day&timeZone=UTC`, stage.manager)
    ).json()) as IncidentTrendAnswer;
    expect(trend.points.map((point) => point.incidents)).toEqual([1, 1, 1, 0, 0, 0, 0]);
  });

  it('exports CSV with Accept: text/csv or ?format=csv', async () => {
    const byHeader = await get(`/api/v1/reports/incidents?${WINDOW}`, stage.manager, { accept: 'text/csv' });
    expect(byHeader.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = await byHeader.text();
    expect(csv.split('\r\n')).toEqual(
      expect.arrayContaining(['figure,key,value', 'incidents,,3', 'mtta.p90,,822']),
    );
    const byQuery = await get(`/api/v1/reports/burden?${WINDOW}&format=csv`, stage.manager);
    expect(byQuery.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await byQuery.text()).split('\r\n')[0]).toMatch(/^userId,name,timeZone,hoursOnCall,pages,/);
    // CSV merely accepted, JSON preferred (as the SPA's fetch asks): JSON.
    const preferJson = await get(`/api/v1/reports/incidents?${WINDOW}`, stage.manager, {
      accept: 'application/json, application/problem+json, text/csv;q=0.5',
    });
    expect(preferJson.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await preferJson.json()) as IncidentReportAnswer).incidents).toBe(3);
  });

  it('lets a technician read their own burden only', async () => {
    expect((await get(`/api/v1/reports/incidents?${WINDOW}`, technician())).status).toBe(403);
    expect((await get(`/api/v1/reports/burden?${WINDOW}`, technician())).status).toBe(403);
    const mine = await get(`/api/v1/reports/burden/me?${WINDOW}`, technician());
    expect(mine.status).toBe(200);
    const burden = (await mine.json()) as BurdenAnswer;
    expect(burden.people).toEqual([
      {
        userId: tech,
        name: expect.any(String),
        timeZone: 'UTC',
        hoursOnCall: 0,
        pages: 3,
        pagesOutsideBusinessHours: 1,
        pagesDuringSleepHours: 1,
        incidentsAcknowledged: 1,
      },
    ]);
  });

  it('never shows one organization another’s figures, nor takes its ids as filters', async () => {
    const other = stage.platform.token(OTHER_ORG, 'manager');
    const theirs = await report(`/api/v1/reports/incidents?${WINDOW}`, other);
    expect(theirs.incidents).toBe(1);
    expect(JSON.stringify(theirs)).not.toContain(stage.demo.serviceId);
    const refused = await get(`/api/v1/reports/incidents?${WINDOW}&serviceId=${stage.demo.serviceId}`, other);
    expect(refused.status).toBe(400);
    const owner = stage.token('owner');
    expect((await report(`/api/v1/reports/incidents?${WINDOW}`, owner)).incidents).toBe(3);
  });

  it('defaults to the last 30 days and refuses a window that ends before it starts', async () => {
    const recent = await report('/api/v1/reports/incidents', stage.manager);
    const span = Date.parse(recent.window.to) - Date.parse(recent.window.from);
    expect(span).toBe(30 * 86_400_000);
    const backwards = await get(
      '/api/v1/reports/incidents?from=2026-11-09T00:00:00Z&to=2026-11-02T00:00:00Z',
      stage.manager,
    );
    expect(backwards.status).toBe(400);
  });

  it('is documented in OpenAPI, with its filters and both formats', async () => {
    const document = (await (await fetch(`${stage.platform.url('admin-api')}/api/docs-json`)).json()) as {
      paths: Record<
        string,
        { get: { parameters: { name: string }[]; responses: Record<string, { content?: object }> } }
      >;
    };
    const incidents = document.paths['/api/v1/reports/incidents'].get;
    expect(incidents.parameters.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining([
        'from',
        'to',
        'serviceId',
        'clientId',
        'teamId',
        'severity',
        'source',
        'format',
      ]),
    );
    expect(Object.keys(incidents.responses['200'].content ?? {})).toEqual(['application/json', 'text/csv']);
    for (const path of [
      '/api/v1/reports/incidents/trend',
      '/api/v1/reports/burden',
      '/api/v1/reports/burden/me',
    ])
      expect(document.paths[path]?.get).toBeDefined();
  });
});
