import { createService, example, integrate, IssuedIntegration, postJson } from './support/intake-fixtures';
import { PlatformHarness } from './support/platform-harness';

/**
 * Issue 12: over an integration's limit each route answers as its sender expects (ADR 0133): 503 with
 * Retry-After on the Alertmanager route (Alertmanager drops every 4xx), 429 in PagerDuty's shape on
 * PagerDuty's paths, 429 problem+json on our own routes. Nothing over the limit is stored.
 */
describe('Intake routes over the rate limit', () => {
  let platform: PlatformHarness;
  const issued: Record<string, IssuedIntegration> = {};

  beforeAll(async () => {
    platform = await PlatformHarness.create('intakelimits');
    platform.configure({ INTEGRATION_RATE_PER_SECOND: '1', INTEGRATION_RATE_BURST: '2' });
    await platform.start('admin-api', 'ingestion-gateway');
    const manager = platform.token('limits-msp', 'manager', 'limits-boss');
    const id = await createService(platform, manager, 'Limited');
    for (const type of ['alertmanager', 'pagerduty', 'backups'])
      issued[type] = await integrate(platform, manager, id, type);
  }, 60_000);
  afterAll(() => platform.close());

  async function overTheLimit(send: () => Promise<Response>): Promise<Response> {
    for (let sent = 0; sent < 10; sent += 1) {
      const response = await send();
      if (response.status !== 202) return response;
    }
    throw new Error('never limited');
  }

  it('answers Alertmanager 503 with Retry-After', async () => {
    const response = await overTheLimit(() =>
      postJson(issued['alertmanager'].alertUrl, example('alert-webhook.v4')),
    );
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await response.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('answers PagerDuty 429 in PagerDuty’s shape', async () => {
    const event = example('pagerduty-event.v2', (b) => (b.routing_key = issued['pagerduty'].key));
    const response = await overTheLimit(() =>
      postJson(`${platform.url('ingestion-gateway')}/v2/enqueue`, event),
    );
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await response.json()).toMatchObject({
      status: 'throttle event',
      message: expect.stringContaining('retry'),
    });
  });

  it('answers a native route 429 problem+json', async () => {
    const response = await overTheLimit(() => postJson(issued['backups'].alertUrl, example('backup-job.v1')));
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
