import { DirectoryProbe } from './support/directory-probe';
import { startSchedulingProbe } from './support/schedule-fixtures';

const ORG = 'calendar-account-msp';

/** Issue 8, item 8: the calendar link is a credential, and it stops working with the account. */
describe('A calendar feed and the account it belongs to', () => {
  let probe: DirectoryProbe;
  let manager: string;

  beforeAll(async () => {
    probe = await startSchedulingProbe('cal-account', ['scheduling']);
    manager = probe.platform.token(ORG, 'manager', 'cal-boss');
  }, 60_000);
  afterAll(() => probe.close());

  const feedUrl = async (token: string) => {
    const { url } = await probe.call<{ url: string }>(token, 'POST', '/api/v1/me/calendar-feed', 201);
    return new URL(url, probe.platform.url('admin-api')).toString();
  };

  it('answers 404 for a deactivated user’s feed, and serves it again once the account is reactivated', async () => {
    const token = probe.platform.token(ORG, 'technician', 'cal-tech');
    const me = await probe.call<{ id: string }>(token, 'GET', '/api/v1/me', 200);
    const url = await feedUrl(token);
    expect((await fetch(url)).status).toBe(200);

    await probe.call(manager, 'POST', `/api/v1/users/${me.id}/deactivate`, 200);
    const refused = await fetch(url);
    expect(refused.status).toBe(404);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.text()).not.toContain('VCALENDAR');

    await probe.call(manager, 'POST', `/api/v1/users/${me.id}/reactivate`, 200);
    expect((await fetch(url)).status).toBe(200);
  });

  it('keeps other people’s feeds working', async () => {
    const [ann, bob] = ['cal-ann', 'cal-bob'].map((user) => probe.platform.token(ORG, 'technician', user));
    const [annUrl, bobUrl] = [await feedUrl(ann), await feedUrl(bob)];
    const bobId = (await probe.call<{ id: string }>(bob, 'GET', '/api/v1/me', 200)).id;
    await probe.call(manager, 'POST', `/api/v1/users/${bobId}/deactivate`, 200);
    expect([(await fetch(annUrl)).status, (await fetch(bobUrl)).status]).toEqual([200, 404]);
  });
});
