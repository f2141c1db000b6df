import { IncidentPage } from '@oncall/contracts';
import { stageForAll, waitFor } from '@oncall/platform-testing';
import { storedAlerts } from './support/alert-stream';
import { IncidentStage } from './support/incident-stage';

interface Issued {
  integration: { id: string };
  key: string;
}

/**
 * Issue 9 item 4 and issue 8 item 6: the gateway checks keys against its own copy of the directory, so a
 * revoked key stops within seconds, and neither admin-api nor PostgreSQL is needed to accept an alert.
 */
describe('Gateway: integration keys from its own copy', () => {
  const stage = stageForAll(() => IncidentStage.start('gwkeys'));

  const alert = (summary: string) => ({ summary, severity: 'high', source: 'local-keys-test' });

  async function issue(name: string): Promise<Issued> {
    const response = await stage.platform.api(
      `/api/v1/services/${stage.demo.serviceId}/integrations`,
      stage.manager,
      {
        method: 'POST',
        body: JSON.stringify({ type: 'generic', name }),
      },
    );
    expect(response.status).toBe(201);
    const issued = (await response.json()) as Issued;
    await stage.platform.untilGatewayKnows(issued.key);
    return issued;
  }

  async function revoke(issued: Issued): Promise<void> {
    const response = await stage.platform.api(
      `/api/v1/integrations/${issued.integration.id}/revoke`,
      stage.manager,
      {
        method: 'POST',
      },
    );
    expect(response.status).toBe(200);
  }

  it('refuses a revoked key within 5 s of the revocation', async () => {
    const issued = await issue('Revoked soon');
    expect((await stage.platform.postAlert(issued.key, alert('before the revocation'))).status).toBe(202);
    await revoke(issued);
    const revokedAt = Date.now();
    await waitFor(
      'the revoked key refused',
      async () => (await stage.platform.postAlert(issued.key, alert('after the revocation'))).status === 401,
      { timeoutMs: 5_000, intervalMs: 10 },
    );
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
  });

  it('accepts alerts with PostgreSQL unreachable from the gateway, and they reach JetStream', async () => {
    const gateway = await stage.platform.startReplica('ingestion-gateway', {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/unreachable',
    });
    try {
      const ready = await fetch(`${gateway.url}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ready', checks: { nats: 'up', integrationKeys: 'up' } });
      const response = await fetch(`${gateway.url}/v1/alerts/generic/${stage.demo.integrationKey}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(alert('accepted without PostgreSQL')),
      });
      expect(response.status).toBe(202);
      const { alertId } = (await response.json()) as { alertId: string };
      expect((await storedAlerts(stage.platform)).get(alertId)).toMatchObject({
        orgId: stage.demo.orgId,
        summary: 'accepted without PostgreSQL',
      });
    } finally {
      await gateway.close();
    }
  });

  // Last: stops admin-api, then starts it again to read the incidents.
  it('keeps accepting with admin-api stopped (the alerts become incidents); a key revoked before stays refused', async () => {
    const revoked = await issue('Revoked before the outage');
    await revoke(revoked);
    await stage.platform.untilGatewayKnows(revoked.key, false);
    await stage.platform.stop('admin-api');

    const during = await stage.platform.postAlert(
      stage.demo.integrationKey,
      alert('during the admin-api outage'),
    );
    expect(during.status).toBe(202);
    expect((await stage.platform.postAlert(revoked.key, alert('from a revoked key'))).status).toBe(401);

    await stage.platform.start('admin-api');
    const incident = await waitFor('the incident of the alert accepted during the outage', async () => {
      const page = (await (
        await stage.platform.api('/api/v1/incidents', stage.manager)
      ).json()) as IncidentPage;
      return page.items.find((item) => item.title === 'during the admin-api outage');
    });
    expect(incident).toMatchObject({ serviceId: stage.demo.serviceId, status: 'triggered' });
  });
});
