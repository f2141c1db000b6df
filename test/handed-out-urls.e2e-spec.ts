import { request as httpRequest } from 'node:http';
import { createService } from './support/intake-fixtures';
import { PlatformHarness } from './support/platform-harness';

const DEFEND_KEY = 'defend-test-key-0123456789abcdef';
const PUBLIC_URL = 'https://oncall.example.test';
const ORG = 'urls-msp';

interface Issued {
  key: string;
  alertUrl: string;
}

/**
 * Issue 8, item 9: the URLs admin-api hands out point where they work (alerts at the gateway, Defend at
 * the path the gateway serves) and never take the caller's Host header.
 */
describe('URLs handed out by admin-api', () => {
  let platform: PlatformHarness;
  let manager: string;
  let serviceId: string;

  beforeAll(async () => {
    platform = await PlatformHarness.create('handedurls');
    platform.configure({ DEFEND_SERVICE_KEY: DEFEND_KEY });
    await platform.start('ingestion-gateway');
    platform.configure({ PUBLIC_URL, PUBLIC_ALERTS_URL: `${platform.url('ingestion-gateway')}/` });
    await platform.start('admin-api', 'scheduling');
    manager = platform.token(ORG, 'manager', 'urls-boss');
    serviceId = await createService(platform, manager, 'URLs service');
  }, 60_000);
  afterAll(() => platform.close());

  const integrate = async (type: string, headers: Record<string, string> = {}): Promise<Issued> => {
    const response = await platform.api(`/api/v1/services/${serviceId}/integrations`, manager, {
      method: 'POST',
      body: JSON.stringify({ type, name: `${type} source` }),
      headers,
    });
    expect(response.status).toBe(201);
    return (await response.json()) as Issued;
  };

  it('gives a generic integration the gateway’s URL, where an alert is accepted', async () => {
    const { key, alertUrl } = await integrate('generic');
    expect(alertUrl).toBe(`${platform.url('ingestion-gateway')}/v1/alerts/generic/${key}`);
    await platform.untilGatewayKnows(key);
    const posted = await fetch(alertUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ summary: 'Disk full', severity: 'warning', source: 'rmm' }),
    });
    expect(posted.status).toBe(202);
  });

  it('gives a Defend integration the gateway’s Defend path, where Defend’s alert is accepted', async () => {
    const { alertUrl } = await integrate('defend');
    expect(alertUrl).toBe(`${platform.url('ingestion-gateway')}/v1/alerts/defend`);
    await platform.untilGatewaySees('the Defend integration', (directory) =>
      Boolean(directory.oldestLiveFor(ORG, 'defend')),
    );
    const posted = await fetch(alertUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEFEND_KEY}` },
      body: JSON.stringify({ summary: 'Ransomware', severity: 'critical', source: 'defend', orgId: ORG }),
    });
    expect(posted.status).toBe(202);
  });

  it('builds the calendar link on PUBLIC_URL', async () => {
    const { url } = (await (
      await platform.api('/api/v1/me/calendar-feed', manager, { method: 'POST' })
    ).json()) as { url: string };
    expect(url).toMatch(new RegExp(`^${PUBLIC_URL}/api/v1/calendar/shifts\\.ics\\?token=[\\w-]{16,}$`));
  });

  it('never echoes the Host header when PUBLIC_URL and PUBLIC_ALERTS_URL are unset: links are relative', async () => {
    await platform.stop('admin-api');
    await platform.configure({ PUBLIC_URL: undefined, PUBLIC_ALERTS_URL: undefined }).start('admin-api');
    const spoofed = { host: 'evil.example', 'x-forwarded-host': 'evil.example' };
    const [generic, defend] = [await viaHost('generic', spoofed), await viaHost('defend', spoofed)];
    expect(generic.alertUrl).toBe(`/v1/alerts/generic/${generic.key}`);
    expect(defend.alertUrl).toBe('/v1/alerts/defend');
    const calendar = await postVia('/api/v1/me/calendar-feed', undefined, spoofed);
    expect(JSON.stringify(calendar)).not.toContain('evil');
    expect((calendar as { url: string }).url).toMatch(/^\/api\/v1\/calendar\/shifts\.ics\?token=/);
  });

  /** fetch() will not send another Host; node:http will, as any client on the network can. */
  const postVia = (path: string, body: object | undefined, headers: Record<string, string>) =>
    new Promise<unknown>((resolve, reject) => {
      const target = new URL(`${platform.url('admin-api')}${path}`);
      const request = httpRequest(
        target,
        {
          method: 'POST',
          headers: { ...headers, authorization: `Bearer ${manager}`, 'content-type': 'application/json' },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve(JSON.parse(text)));
        },
      );
      request.on('error', reject);
      request.end(body === undefined ? undefined : JSON.stringify(body));
    });
  const viaHost = (type: string, headers: Record<string, string>) =>
    postVia(`/api/v1/services/${serviceId}/integrations`, { type, name: `${type} via host` }, headers) as Promise<Issued>; // prettier-ignore
});
