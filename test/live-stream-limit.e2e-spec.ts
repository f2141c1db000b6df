import { waitFor } from '@oncall/platform-testing';
import { PlatformHarness } from './support/platform-harness';

const ORG = 'live-limit-msp';

/** Issue 8, item 10: live streams are long-lived connections; one user may hold only a few at once. */
describe('Live incident streams per user', () => {
  let platform: PlatformHarness;
  const open: AbortController[] = [];

  beforeAll(async () => {
    platform = await PlatformHarness.create('livelimit');
    platform.configure({ LIVE_STREAMS_PER_USER: '3' });
    await platform.start('admin-api');
  }, 60_000);
  afterAll(async () => {
    for (const controller of open) controller.abort();
    await platform.close();
  });

  /** Opens a stream and keeps it open; answers the status. */
  const openStream = async (token: string, ticket?: string): Promise<{ status: number; body: string; close: () => void }> => {
    const controller = new AbortController();
    open.push(controller);
    const url = `${platform.url('admin-api')}/api/v1/live/incidents${ticket ? `?ticket=${ticket}` : ''}`;
    const response = await fetch(url, {
      headers: ticket ? {} : { authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    const body = response.ok ? '' : await response.text();
    return { status: response.status, body, close: () => controller.abort() };
  }; // prettier-ignore

  it('refuses a stream beyond the limit with 429 problem+json, counting ticket and bearer streams alike', async () => {
    const ada = platform.token(ORG, 'technician', 'ada');
    const ticket = (await (await platform.api('/api/v1/live/tickets', ada, { method: 'POST' })).json()) as {
      ticket: string;
    };
    const first = await Promise.all([openStream(ada), openStream(ada), openStream(ada, ticket.ticket)]);
    expect(first.map((stream) => stream.status)).toEqual([200, 200, 200]);

    const refused = await openStream(ada);
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toMatchObject({ status: 429, code: 'TOO_MANY_LIVE_STREAMS' });

    // Another person of the same organization is not affected.
    expect((await openStream(platform.token(ORG, 'technician', 'grace'))).status).toBe(200);

    // A stream closed by the browser frees its place.
    first[0].close();
    await waitFor('a freed place', async () => {
      const again = await openStream(ada);
      if (again.status !== 200) again.close();
      return again.status === 200 ? true : undefined;
    });
  });
});
