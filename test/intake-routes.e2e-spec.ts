import { CanonicalAlert } from '@oncall/contracts';
import { storedAlerts } from './support/alert-stream';
import {
  createService,
  Editable,
  example,
  integrate,
  IssuedIntegration,
  postJson,
} from './support/intake-fixtures';
import { PlatformHarness } from './support/platform-harness';

const DEFEND_KEY = 'defend-routes-key-0123456789abcdef';
const ORG = 'intake-routes-msp';

interface Accepted {
  status: 'accepted';
  alerts: { alertId: string; dedupKey: string; action: string; disposition: string; recordReason?: string }[];
  rejected: { index?: number; field: string; message: string }[];
}
interface Problem {
  status: number;
  code?: string;
  errors?: { field: string; message: string }[];
}

/**
 * Issue 12, the gateway's side: every URL admin-api hands out answers, through its format's mapper, with
 * the alert stored as the mapper made it; refusals name the field; PagerDuty's paths answer as PagerDuty.
 */
describe('Intake routes of the gateway', () => {
  let platform: PlatformHarness;
  let manager: string;
  let serviceId: string;
  const issued: Record<string, IssuedIntegration> = {};
  const gateway = (path: string) => `${platform.url('ingestion-gateway')}${path}`;

  beforeAll(async () => {
    platform = await PlatformHarness.create('intakeroutes');
    platform.configure({ DEFEND_SERVICE_KEY: DEFEND_KEY });
    await platform.start('admin-api', 'ingestion-gateway');
    manager = platform.token(ORG, 'manager', 'routes-boss');
    serviceId = await createService(platform, manager, 'Intake routes');
    for (const type of ['rmm', 'security', 'backups', 'alertmanager', 'pagerduty', 'defend', 'generic'])
      issued[type] = await integrate(platform, manager, serviceId, type);
  }, 90_000);
  afterAll(() => platform.close());

  async function stored(alertId: string): Promise<CanonicalAlert | undefined> {
    return (await storedAlerts(platform)).get(alertId);
  }

  it.each([
    ['rmm', 'rmm-alert.v1', 'rmm-7f3a9c', 'trigger', 'page'],
    ['security', 'security-finding.v1', 'dw-2027-0042', 'trigger', 'page'],
    ['backups', 'backup-job.v1', 'job-nightly-fs01', 'trigger', 'page'],
  ] as const)(
    'stores a %s payload as its mapper maps it',
    async (type, format, dedupKey, action, disposition) => {
      const response = await postJson(issued[type].alertUrl, example(format));
      expect(response.status).toBe(202);
      const body = (await response.json()) as Accepted;
      expect(body.alerts).toEqual([expect.objectContaining({ dedupKey, action, disposition })]);
      expect(await stored(body.alerts[0].alertId)).toMatchObject({
        origin: type,
        integrationName: `${type} source`,
        integrationId: issued[type].integration.id,
        serviceId,
        kind: 'alert',
        disposition,
        clientName: 'Bakkerij de Vries',
      });
    },
  );

  it('records a warning backup and a low security finding instead of paging', async () => {
    const warning = await postJson(
      issued['backups'].alertUrl,
      example('backup-job.v1', (b) => (b.result = 'warning')),
    );
    const low = await postJson(
      issued['security'].alertUrl,
      example('security-finding.v1', (b) => (b.severity = 'low')),
    );
    for (const response of [warning, low]) {
      expect(response.status).toBe(202);
      const [alert] = ((await response.json()) as Accepted).alerts;
      expect(alert).toMatchObject({ disposition: 'record', recordReason: expect.any(String) });
    }
  });

  it('refuses a native payload with 400 naming the field', async () => {
    const response = await postJson(
      issued['rmm'].alertUrl,
      example('rmm-alert.v1', (b) => (b.state = 'exploded')),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as Problem).errors?.map((error) => error.field)).toEqual(['state']);
  });

  it('refuses a key of another type on a native route with 403', async () => {
    const url = issued['rmm'].alertUrl.replace('/rmm/', '/security/');
    const response = await postJson(url, example('security-finding.v1'));
    expect(response.status).toBe(403);
  });

  it('keeps the valid alerts of an Alertmanager body and names the invalid by index', async () => {
    const body = example('alert-webhook.v4', (b) => {
      const [first] = b.alerts;
      b.alerts = [
        first,
        { ...first, fingerprint: undefined },
        { ...first, fingerprint: 'ff02', status: 'resolved' },
      ];
    });
    const response = await postJson(issued['alertmanager'].alertUrl, body);
    expect(response.status).toBe(202);
    const answer = (await response.json()) as Accepted;
    expect(answer.alerts.map((alert) => [alert.dedupKey, alert.action])).toEqual([
      ['c6e9b3a1f0d2e4b5', 'trigger'],
      ['ff02', 'resolve'],
    ]);
    expect(answer.rejected).toEqual([expect.objectContaining({ index: 1, field: 'alerts.1.fingerprint' })]);
    expect(await stored(answer.alerts[0].alertId)).toMatchObject({ groupKey: '{}:{alertname="DiskFull"}' });
  });

  it('takes Grafana’s webhook (version 1) by PUT too', async () => {
    const body = example('alert-webhook.v4', (b) => {
      b.version = '1';
      b.alerts[0].values = { B: 97 };
    });
    const response = await postJson(issued['alertmanager'].alertUrl, body, 'PUT');
    expect(response.status).toBe(202);
  });

  it('answers 400 naming the field when no Alertmanager element is valid', async () => {
    const response = await postJson(issued['alertmanager'].alertUrl, {
      version: '4',
      alerts: [{ status: 'firing' }],
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).errors?.map((error) => error.field)).toContain(
      'alerts.0.labels',
    );
  });

  it('takes a Defend detection (defend-detection.v1) with its MITRE facts on the alert', async () => {
    const detection = example('defend-detection.v1', (b) => (b.orgId = ORG));
    const response = await postJson(gateway('/v1/alerts/defend'), detection, 'POST', {
      authorization: `Bearer ${DEFEND_KEY}`,
    });
    expect(response.status).toBe(202);
    const { alertId } = (await response.json()) as { alertId: string };
    expect(await stored(alertId)).toMatchObject({
      device: 'LAPTOP-ANNA',
      urgency: 'high',
      bypassGrouping: true,
      defend: {
        mitre: [{ techniqueId: 'T1059.001', technique: 'PowerShell', tactic: 'Execution' }],
        recommendedAction: "Isolate the device and reset the user's credentials.",
      },
    });
  });

  it('serves the routes’ OpenAPI document, each body its format’s schema', async () => {
    const response = await fetch(gateway('/v1/alerts/openapi.json'));
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/alerts/rmm/{integrationKey}', '/v2/enqueue', '/v2/change/enqueue']),
    );
  });

  describe('PagerDuty conformance', () => {
    const event = (change: (b: Editable) => void = () => undefined) =>
      example('pagerduty-event.v2', (b) => {
        b.routing_key = issued['pagerduty'].key;
        change(b);
      });

    it('answers a valid trigger 202 with the documented body, and a duplicate the same way', async () => {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const response = await postJson(gateway('/v2/enqueue'), event());
        expect(response.status).toBe(202);
        expect(await response.json()).toEqual({
          status: 'success',
          message: 'Event processed',
          dedup_key: 'srv01/HTTP',
        });
      }
    });

    it('gives a trigger without dedup_key a fresh key, and acknowledges and resolves by key', async () => {
      const response = await postJson(
        gateway('/v2/enqueue'),
        event((b) => delete b.dedup_key),
      );
      const { dedup_key: fresh } = (await response.json()) as { dedup_key: string };
      expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
      for (const action of ['acknowledge', 'resolve']) {
        const followUp = await postJson(gateway('/v2/enqueue'), {
          routing_key: issued['pagerduty'].key,
          event_action: action,
          dedup_key: fresh,
        });
        expect([followUp.status, await followUp.json()]).toEqual([
          202,
          { status: 'success', message: 'Event processed', dedup_key: fresh },
        ]);
      }
    });

    it('answers an invalid event 400 in PagerDuty’s shape, one sentence per problem', async () => {
      const response = await postJson(
        gateway('/v2/enqueue'),
        event((b) => {
          b.event_action = 'explode';
          delete b.payload.summary;
        }),
      );
      expect(response.status).toBe(400);
      const body = (await response.json()) as { status: string; message: string; errors: string[] };
      expect(body).toMatchObject({ status: 'invalid event', message: 'Event object is invalid' });
      expect(body.errors).toEqual([
        expect.stringMatching(/^event_action/),
        expect.stringMatching(/^payload\.summary/),
      ]);
    });

    it.each([
      ['an unknown key', '0123456789abcdef0123456789abcdef'],
      ['a key of the wrong length', 'short'],
      ['the key of another integration type', 'rmm'],
    ])('answers %s 400 invalid event naming routing_key', async (_, key) => {
      const routingKey = key === 'rmm' ? issued['rmm'].key : key;
      const response = await postJson(
        gateway('/v2/enqueue'),
        event((b) => (b.routing_key = routingKey)),
      );
      expect(response.status).toBe(400);
      const body = (await response.json()) as { status: string; errors: string[] };
      expect(body.status).toBe('invalid event');
      expect(body.errors).toEqual([expect.stringMatching(/^routing_key/)]);
    });

    it('takes the same event on the integration’s own URL, the key there', async () => {
      const response = await postJson(
        issued['pagerduty'].alertUrl,
        event((b) => delete b.routing_key),
      );
      expect([response.status, await response.json()]).toEqual([
        202,
        { status: 'success', message: 'Event processed', dedup_key: 'srv01/HTTP' },
      ]);
      const other = await postJson(
        issued['pagerduty'].alertUrl,
        event((b) => (b.routing_key = issued['rmm'].key)),
      );
      expect(other.status).toBe(400);
    });

    it('records a change event: 202 with PagerDuty’s change body', async () => {
      const body = example('pagerduty-change.v2', (b) => (b.routing_key = issued['pagerduty'].key));
      const response = await postJson(gateway('/v2/change/enqueue'), body);
      expect([response.status, await response.json()]).toEqual([
        202,
        { status: 'success', message: 'Change event processed' },
      ]);
    });

    it('answers v1 create_event.json 200 with the incident key', async () => {
      const body = example('pagerduty-event.v1', (b) => (b.service_key = issued['pagerduty'].key));
      const response = await postJson(gateway('/generic/2010-04-15/create_event.json'), body);
      expect([response.status, await response.json()]).toEqual([
        200,
        { status: 'success', message: 'Event processed', incident_key: 'srv01/HTTP' },
      ]);
    });

    it('answers an unreadable body 400 in PagerDuty’s shape', async () => {
      const response = await postJson(gateway('/v2/enqueue'), '{"routing_key":');
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        status: 'invalid event',
        errors: [expect.stringMatching(/^body/)],
      });
    });
  });
});
