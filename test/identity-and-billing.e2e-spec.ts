import { stageForAll, waitFor } from '@oncall/platform-testing';
import { IncidentStage } from './support/incident-stage';

const BILLING_KEY = 'billing-key-for-tests-0123456789';

describe('Identity: just-in-time users, deactivation, billing count, key revocation', () => {
  const stage = stageForAll(() => IncidentStage.start('identity', { env: { HUB_BILLING_KEY: BILLING_KEY } }));

  const json = async <T = Record<string, unknown>>(response: Response) => ({
    status: response.status,
    body: (await response.json()) as T,
  });
  const billing = async (key?: string) =>
    json(
      await fetch(`${stage.platform.url('admin-api')}/api/v1/billing/active-users`, {
        headers: key ? { authorization: `Bearer ${key}` } : {},
      }),
    );
  const activeUsersOf = async (orgId: string) =>
    (
      (await billing(BILLING_KEY)).body as { organizations: { orgId: string; activeUsers: number }[] }
    ).organizations.find((org) => org.orgId === orgId)?.activeUsers;

  it('provisions a user Hub vouches for on first sign-in', async () => {
    const newcomer = stage.token('technician', 'hub-sam');
    const me = await json(await stage.platform.api('/api/v1/me', newcomer));
    expect(me).toMatchObject({
      status: 200,
      body: { email: 'hub-sam@example.test', role: 'technician', active: true },
    });
    const users = await json<{ items: { email: string }[] }>(
      await stage.platform.api('/api/v1/users?limit=200', stage.manager),
    );
    expect(users.body.items.map((user) => user.email)).toContain('hub-sam@example.test');
  });

  it('refuses the billing poll without the billing key, and a user token in its place', async () => {
    expect((await billing()).status).toBe(401);
    expect((await billing('billing-key-for-tests-0123456788')).status).toBe(401);
    expect((await billing(stage.manager)).status).toBe(401);
  });

  it('takes the billing key as a bearer token or as X-Service-Key', async () => {
    expect((await billing(BILLING_KEY)).status).toBe(200);
    const response = await fetch(`${stage.platform.url('admin-api')}/api/v1/billing/active-users`, {
      headers: { 'x-service-key': BILLING_KEY },
    });
    expect(response.status).toBe(200);
  });

  it('counts active users per organization, and the count drops when a user is deactivated', async () => {
    const colleague = stage.token('technician', 'hub-kim');
    const kim = (await json(await stage.platform.api('/api/v1/me', colleague))).body as { id: string };
    const before = await activeUsersOf(stage.demo.orgId);
    const deactivated = await stage.platform.api(`/api/v1/users/${kim.id}/deactivate`, stage.manager, {
      method: 'POST',
    });
    expect(deactivated.status).toBe(200);
    expect(await activeUsersOf(stage.demo.orgId)).toBe(before! - 1);
    const refused = await json(await stage.platform.api('/api/v1/me', colleague));
    expect(refused).toMatchObject({ status: 403, body: { code: 'ACCOUNT_DEACTIVATED' } });
    await stage.platform.api(`/api/v1/users/${kim.id}/reactivate`, stage.manager, { method: 'POST' });
    expect(await activeUsersOf(stage.demo.orgId)).toBe(before);
  });

  it('links a first sign-in to the user a manager added with that e-mail, and refuses a second Hub account with it', async () => {
    const added = await json<{ id: string }>(
      await stage.platform.api('/api/v1/users', stage.manager, {
        method: 'POST',
        body: JSON.stringify({ email: 'clash@example.test', name: 'Clash', role: 'technician' }),
      }),
    );
    expect(added.status).toBe(201);
    const first = stage.token('technician', 'hub-clash-1', 'clash@example.test');
    expect(await json(await stage.platform.api('/api/v1/me', first))).toMatchObject({
      status: 200,
      body: { id: added.body.id },
    });
    const second = stage.token('technician', 'hub-clash-2', 'clash@example.test');
    expect(await json(await stage.platform.api('/api/v1/me', second))).toMatchObject({
      status: 409,
      body: { code: 'EMAIL_IN_USE' },
    });
  });

  it('links a pre-added user to one Hub account only, when two with the same e-mail (in another case) sign in at once', async () => {
    for (let round = 0; round < 5; round++) {
      const email = `race-${round}@example.test`;
      const added = await json<{ id: string }>(
        await stage.platform.api('/api/v1/users', stage.manager, {
          method: 'POST',
          body: JSON.stringify({ email, name: `Race ${round}`, role: 'technician' }),
        }),
      );
      expect(added.status).toBe(201);
      const tokens = [
        stage.token('technician', `hub-race-${round}-a`, email),
        stage.token('technician', `hub-race-${round}-b`, email.toUpperCase()),
      ];
      const answers = await Promise.all(
        tokens.map(async (token) =>
          json<{ id?: string; code?: string }>(await stage.platform.api('/api/v1/me', token)),
        ),
      );
      const statuses = answers.map((answer) => answer.status).sort();
      expect({ round, statuses }).toEqual({ round, statuses: [200, 409] });
      const winner = answers.findIndex((answer) => answer.status === 200);
      expect(answers[winner].body.id).toBe(added.body.id);
      expect(answers[1 - winner].body.code).toBe('EMAIL_IN_USE');
      // The link holds: the winner keeps signing in as the pre-added user, the other one stays refused.
      expect(
        (await json<{ id: string }>(await stage.platform.api('/api/v1/me', tokens[winner]))).body.id,
      ).toBe(added.body.id);
      expect((await stage.platform.api('/api/v1/me', tokens[1 - winner])).status).toBe(409);
    }
  });

  it('refuses a revoked integration key at the gateway within 5 s', async () => {
    const created = await json<{ key: string; integration: { id: string } }>(
      await stage.platform.api(`/api/v1/services/${stage.demo.serviceId}/integrations`, stage.manager, {
        method: 'POST',
        body: JSON.stringify({ type: 'generic', name: 'To be revoked' }),
      }),
    );
    expect(created.status).toBe(201);
    // A new key works once its state record reached the gateway's copy (ADR 0131), ~100 ms later.
    await stage.platform.untilGatewayKnows(created.body.key);
    const alert = { summary: 'Backup failed', severity: 'high', source: 'backups' };
    expect((await stage.platform.postAlert(created.body.key, alert)).status).toBe(202);
    const revokedAt = Date.now();
    expect(
      (
        await stage.platform.api(
          `/api/v1/integrations/${created.body.integration.id}/revoke`,
          stage.manager,
          {
            method: 'POST',
          },
        )
      ).status,
    ).toBe(200);
    await waitFor(
      'the gateway to refuse the revoked key',
      async () => (await stage.platform.postAlert(created.body.key, alert)).status === 401,
      {
        timeoutMs: 5_000,
        intervalMs: 100,
      },
    );
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
  });
});
