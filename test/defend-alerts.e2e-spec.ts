import { IncidentPage } from '@oncall/contracts';
import { stageForAll, waitFor } from '@oncall/platform-testing';
import { addDefendIntegration } from './support/alert-path-stage';
import { IncidentStage } from './support/incident-stage';

/** DEFEND_SERVICE_KEY must be at least 32 characters. */
const DEFEND_KEY = 'defend-test-key-0123456789abcdef';

describe('Defend posts alerts for an organization with its service key', () => {
  const stage = stageForAll(() => IncidentStage.start('defend', { env: { DEFEND_SERVICE_KEY: DEFEND_KEY } }));
  beforeAll(() => addDefendIntegration(stage));

  const post = (body: object, key?: string) =>
    fetch(`${stage.platform.url('ingestion-gateway')}/v1/alerts/defend`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
    });
  const alert = {
    summary: 'Ransomware behaviour on LAPTOP-7',
    severity: 'critical',
    source: 'defend',
    device: 'LAPTOP-7',
  };

  it('routes the alert to the organization’s Defend integration and opens an incident', async () => {
    const response = await post({ ...alert, orgId: stage.demo.orgId }, DEFEND_KEY);
    expect(response.status).toBe(202);
    const token = stage.platform.token(stage.demo.orgId, 'manager');
    const incident = await waitFor('the Defend incident', async () => {
      const page = (await (await stage.platform.api('/api/v1/incidents', token)).json()) as IncidentPage;
      return page.items.find((item) => item.title === alert.summary);
    });
    expect(incident).toMatchObject({ serviceId: stage.demo.serviceId, severity: 'critical' });
  });

  it.each([
    ['no key', undefined],
    ['a wrong key', 'defend-test-key-0123456789abcdee'],
  ])('refuses %s with 401', async (_, key) => {
    const response = await post({ ...alert, orgId: stage.demo.orgId }, key);
    expect(response.status).toBe(401);
  });

  it('answers 404 for an organization without a Defend integration', async () => {
    const response = await post({ ...alert, orgId: 'org-without-defend' }, DEFEND_KEY);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'NO_DEFEND_INTEGRATION' });
  });

  it('refuses a body without orgId with 400 naming it', async () => {
    const response = await post(alert, DEFEND_KEY);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(
      'orgId',
    );
  });

  it('refuses a blank orgId with 400 naming it', async () => {
    const response = await post({ ...alert, orgId: '   ' }, DEFEND_KEY);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'orgId',
    ]);
  });

  // Last: stops the directory.
  it('keeps routing from its own copy while the directory is down; 404 for an organization without Defend', async () => {
    await stage.platform.stop('admin-api');
    const during = await post(
      { ...alert, summary: 'During the outage', orgId: stage.demo.orgId },
      DEFEND_KEY,
    );
    expect(during.status).toBe(202);
    const unknown = await post({ ...alert, orgId: 'org-never-seen' }, DEFEND_KEY);
    expect(unknown.status).toBe(404);
    const problem = (await unknown.json()) as { code: string; detail: string };
    expect(problem.code).toBe('NO_DEFEND_INTEGRATION');
    expect(JSON.stringify(problem)).not.toMatch(/oncall\.(qry|cmd|evt)|integration-for-org|responder/i);
  });
});
