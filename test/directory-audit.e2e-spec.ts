import { stageForAll } from '@oncall/platform-testing';
import { AuditEntry, ISO_INSTANT, OrgProbe } from './support/directory-probe';

const ORG = 'audit-msp';

describe('Directory: audit log', () => {
  const probe = stageForAll(() => OrgProbe.startIn('dir-audit', ORG));
  const log = async (query = '', token = probe.manager()) =>
    (
      await probe.call<{ items: AuditEntry[]; nextCursor: string | null }>(
        token,
        'GET',
        `/api/v1/audit-log${query}`,
        200,
      )
    ).items;

  it('records who changed what, when, with the request correlation id, newest first', async () => {
    const response = await probe.platform.api('/api/v1/clients', probe.manager(), {
      method: 'POST',
      headers: { 'x-correlation-id': 'audit-test-1' },
      body: JSON.stringify({ name: 'Initech' }),
    });
    expect(response.status).toBe(201);
    const client = (await response.json()) as { id: string };
    const renamed = await probe.asManager('PATCH', `/api/v1/clients/${client.id}`, 200, {
      name: 'Initrode',
    });

    const [update, creation] = await log(`?resourceType=client&resourceId=${client.id}`);
    expect(update).toEqual({
      id: expect.stringMatching(/^\d+$/),
      at: ISO_INSTANT,
      actor: { kind: 'user', userId: probe.managerId, name: 'boss' },
      action: 'client.updated',
      resourceType: 'client',
      resourceId: client.id,
      before: client,
      after: renamed,
      correlationId: expect.any(String),
    });
    expect(creation).toMatchObject({
      action: 'client.created',
      before: null,
      after: client,
      correlationId: 'audit-test-1',
    });
    expect(Number(update.id)).toBeGreaterThan(Number(creation.id));
    expect(Date.parse(update.at)).toBeGreaterThanOrEqual(Date.parse(creation.at));
  });

  it('records just-in-time provisioning as done by the platform', async () => {
    const owner = probe.platform.token(ORG, 'owner', 'olive');
    const me = await probe.call<{ id: string }>(owner, 'GET', '/api/v1/me', 200);
    const [entry] = await log(`?resourceType=user&resourceId=${me.id}`);
    expect(entry).toMatchObject({
      actor: { kind: 'system', reason: 'hub-sign-in' },
      action: 'user.provisioned',
      before: null,
      after: me,
    });
  });

  it('filters by resource type and by resource', async () => {
    const team = await probe.asManager<{ id: string }>('POST', '/api/v1/teams', 201, {
      name: 'Filtered',
    });
    await probe.asManager('PATCH', `/api/v1/teams/${team.id}`, 200, { description: 'x' });
    const teams = await log('?resourceType=team');
    expect(teams.length).toBeGreaterThanOrEqual(2);
    expect(teams.every((entry) => entry.resourceType === 'team')).toBe(true);
    const one = await log(`?resourceId=${team.id}`);
    expect(one.map((entry) => entry.action)).toEqual(['team.updated', 'team.created']);
  });

  it('pages newest first with a cursor, without duplicates or gaps', async () => {
    for (let index = 0; index < 6; index += 1) {
      await probe.asManager('POST', '/api/v1/clients', 201, { name: `Paged ${index}` });
    }
    const all = await log('?limit=200');
    const pages = await probe.walk<AuditEntry>(probe.manager(), '/api/v1/audit-log', 4);
    expect(pages.length).toBe(Math.ceil(all.length / 4));
    expect(pages.flat()).toEqual(all);
    const ids = all.map((entry) => Number(entry.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
    const clients = await probe.walk<AuditEntry>(probe.manager(), '/api/v1/audit-log?resourceType=client', 3);
    expect(clients.flat()).toEqual(all.filter((entry) => entry.resourceType === 'client'));
  });

  it('is readable by owners, not by technicians', async () => {
    expect((await log('', probe.platform.token(ORG, 'owner', 'olive'))).length).toBeGreaterThan(0);
    const technician = probe.platform.token(ORG, 'technician', 'tom');
    expect((await probe.problem(technician, 'GET', '/api/v1/audit-log', 403)).code).toBe('FORBIDDEN');
  });

  it('is described, with every directory route, in the OpenAPI document', async () => {
    const document = (await (await fetch(`${probe.platform.url('admin-api')}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    const routes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/v1/users',
        'POST /api/v1/users/{id}/deactivate',
        'PATCH /api/v1/me',
        'PUT /api/v1/teams/{id}/members',
        'DELETE /api/v1/services/{id}',
        'POST /api/v1/services/{serviceId}/integrations',
        'POST /api/v1/integrations/{id}/rotate',
        'GET /api/v1/audit-log',
      ]),
    );
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['CreateServiceDto', 'SupportHoursUrgencyRuleDto', 'ReplaceTeamMembersDto']),
    );
  });

  it('takes the largest bigint as a cursor: every entry is older than it', async () => {
    const cursor = auditCursor('9223372036854775807');
    const page = await probe.asManager<{ items: AuditEntry[] }>(
      'GET',
      `/api/v1/audit-log?cursor=${cursor}`,
      200,
    );
    expect(page.items.length).toBeGreaterThan(0);
  });

  describe('refuses a bad query with 400 naming the field', () => {
    it.each([
      ['?resourceType=invoice', 'resourceType'],
      ['?cursor=not-ours', 'cursor'],
      [`?cursor=${auditCursor('1; DROP TABLE audit_log')}`, 'cursor'],
      // 19 digits, but past the largest bigint: a database error (500) before, a 400 now.
      [`?cursor=${auditCursor('9223372036854775808')}`, 'cursor'],
      [`?cursor=${auditCursor('9999999999999999999')}`, 'cursor'],
      [`?cursor=${Buffer.from('audit:1').toString('base64url')}`, 'cursor'], // the format before one codec
      ['?limit=0', 'limit'],
      ['?limit=many', 'limit'],
    ])('%s', async (query, field) => {
      await probe.problemAsManager('GET', `/api/v1/audit-log${query}`, 400, undefined, field);
    });
  });
});

/** An audit cursor as the API writes them (libs/contracts cursorCodec), with any id in it. */
function auditCursor(id: string): string {
  return Buffer.from(JSON.stringify(['audit', id])).toString('base64url');
}
