import { ContactMethodView, NotificationRulesView } from '@oncall/contracts';
import { stageForAll, waitFor } from '@oncall/platform-testing';
import { textLink } from './support/notification-bus';
import { NotificationStage } from './support/notification-stage';

const ORG = 'org-cm';

/** Contact methods and notification rules through admin-api's REST surface (notification owns them). */
describe('Contact methods and notification rules', () => {
  const stage = stageForAll(() =>
    NotificationStage.start('notifycm', {
      services: ['admin-api', 'notification'],
      env: { PUBLIC_URL: 'https://oncall.example' },
    }),
  );
  const tech = (name = 'cm-tech') => stage.platform.token(ORG, 'technician', name);
  const manager = () => stage.platform.token(ORG, 'manager', 'cm-manager');

  async function call<T = unknown>(token: string, method: string, path: string, body?: unknown, expected = 200) {
    const response = await stage.platform.api(path, token, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    expect({ path, status: response.status, text }).toMatchObject({ status: expected });
    return (text ? JSON.parse(text) : undefined) as T;
  } // prettier-ignore

  const idOf = async (token: string) => (await call<{ id: string }>(token, 'GET', '/api/v1/me')).id;

  it('gives a just-in-time user their account email, counted as verified, and the default rules', async () => {
    const { items } = await call<{ items: ContactMethodView[] }>(
      tech('jit-tech'),
      'GET',
      '/api/v1/me/contact-methods',
    );
    expect(items).toEqual([expect.objectContaining({ type: 'email', address: 'jit-tech@example.test', verified: true, enabled: true, accountEmail: true })]); // prettier-ignore
    const rules = await call<NotificationRulesView>(tech('jit-tech'), 'GET', '/api/v1/me/notification-rules');
    expect(rules).toMatchObject({ high: [{ contactMethodId: items[0].id, delayMinutes: 0 }, { contactMethodId: items[0].id, delayMinutes: 3 }], low: [{ contactMethodId: items[0].id, delayMinutes: 0 }] }); // prettier-ignore
  });

  it('creates the defaults on first sight of a user, before anyone asks', async () => {
    const created = await call<{ id: string }>(manager(), 'POST', '/api/v1/users', { email: 'New.Hire@Example.test', name: 'New Hire', role: 'technician' }, 201); // prettier-ignore
    const rows = await waitFor('the defaults of the new user', () =>
      stage.platform.withSchema('notification', async (db) => {
        const found = await db.query('SELECT address, account_email FROM contact_methods WHERE user_id = $1', [created.id]); // prettier-ignore
        return found.length > 0 ? found : undefined;
      }),
    );
    expect(rows).toEqual([{ address: 'New.Hire@Example.test', account_email: true }]);
  });

  it('confirms a new email address by a link sent to it (opening the link alone confirms nothing)', async () => {
    const method = await call<ContactMethodView>(tech(), 'POST', '/api/v1/me/contact-methods', { type: 'email', address: 'cm-tech.mobile@example.test' }, 201); // prettier-ignore
    expect(method).toMatchObject({ type: 'email', verified: false, accountEmail: false });
    const [email] = await stage.mail.waitFor('cm-tech.mobile@example.test', 1);
    expect(email.subject).toBe('Confirm your email address for On-Call pages');
    const link = textLink(email, 'Confirm').replace(
      'https://oncall.example',
      stage.platform.url('admin-api'),
    );
    expect(await (await fetch(link)).text()).toContain('Confirm this email address?');
    const verified = async () => (await call<{ items: ContactMethodView[] }>(tech(), 'GET', '/api/v1/me/contact-methods')).items.find((m) => m.id === method.id)?.verified; // prettier-ignore
    expect(await verified()).toBe(false);
    expect(await (await fetch(link, { method: 'POST' })).text()).toContain('Address confirmed');
    expect(await verified()).toBe(true);
    expect(await (await fetch(link, { method: 'POST' })).text()).toContain('Already confirmed');
    const forged = await fetch(`${stage.platform.url('admin-api')}/contact-verification/${'x'.repeat(32)}`, {
      method: 'POST',
    });
    expect([forged.status, await forged.text()]).toEqual([
      404,
      expect.stringContaining('This link is not valid'),
    ]);
  });

  it('refuses bad addresses and rules naming the field, and keeps every urgency covered', async () => {
    const sms = await call<{ errors: { field: string }[] }>(tech(), 'POST', '/api/v1/me/contact-methods', { type: 'sms', address: '12' }, 400); // prettier-ignore
    expect(sms.errors.map((error) => error.field)).toEqual(['address']);
    const [account] = (
      await call<{ items: ContactMethodView[] }>(tech(), 'GET', '/api/v1/me/contact-methods')
    ).items;
    const step = (delayMinutes: number) => ({ contactMethodId: account.id, delayMinutes });
    const tooLate = await call<{ errors: { field: string }[] }>(tech(), 'PUT', '/api/v1/me/notification-rules', { high: [step(2000)], low: [step(0)] }, 400); // prettier-ignore
    expect(tooLate.errors.map((error) => error.field)).toEqual(['high.0.delayMinutes']);
    const twice = await call<{ errors: { field: string }[] }>(tech(), 'PUT', '/api/v1/me/notification-rules', { high: [step(0), step(0)], low: [step(0)] }, 400); // prettier-ignore
    expect(twice.errors.map((error) => error.field)).toEqual(['high.1']);
    const empty = await call<{ errors: { field: string }[] }>(tech(), 'PUT', '/api/v1/me/notification-rules', { high: [step(0)], low: [] }, 400); // prettier-ignore
    expect(empty.errors.map((error) => error.field)).toEqual(['low']);
    const sms2 = await call<ContactMethodView>(tech(), 'POST', '/api/v1/me/contact-methods', { type: 'sms', address: '+1 (415) 555-0123' }, 201); // prettier-ignore
    expect(sms2).toMatchObject({ address: '+14155550123', verified: false });
    const rules = { high: [step(0), { contactMethodId: sms2.id, delayMinutes: 1 }], low: [step(0)] };
    await call(tech(), 'PUT', '/api/v1/me/notification-rules', rules);
    const inUse = await call<{ detail: string }>(tech(), 'DELETE', `/api/v1/me/contact-methods/${sms2.id}`, undefined, 409); // prettier-ignore
    expect(inUse.detail).toContain('used by the notification rules (high[1])');
    await call(tech(), 'DELETE', `/api/v1/me/contact-methods/${account.id}`, undefined, 409);
    expect(await call(tech(), 'PATCH', `/api/v1/me/contact-methods/${account.id}`, { enabled: false })).toMatchObject({ enabled: false }); // prettier-ignore
  });

  it('lets a technician manage only their own, a manager anyone’s', async () => {
    const colleague = await idOf(tech('cm-colleague'));
    await call(tech(), 'GET', `/api/v1/users/${colleague}/contact-methods`, undefined, 403);
    await call(tech(), 'POST', `/api/v1/users/${colleague}/contact-methods`, { type: 'email', address: 'x@example.test' }, 403); // prettier-ignore
    expect((await call<{ items: unknown[] }>(tech(), 'GET', `/api/v1/users/${await idOf(tech())}/contact-methods`)).items.length).toBeGreaterThan(0); // prettier-ignore
    const added = await call<ContactMethodView>(manager(), 'POST', `/api/v1/users/${colleague}/contact-methods`, { type: 'slack', address: 'https://hooks.slack.com/services/T1/B2/abc' }, 201); // prettier-ignore
    expect(added).toMatchObject({ userId: colleague, type: 'slack', verified: true });
    const listed = await call<{ items: ContactMethodView[] }>(
      tech('cm-colleague'),
      'GET',
      '/api/v1/me/contact-methods',
    );
    expect(listed.items.map((item) => item.id)).toContain(added.id);
  });

  it('keeps organizations apart: another organization’s person, method or method id answers 404 or 400', async () => {
    const otherManager = stage.platform.token('org-other', 'manager', 'other-manager');
    const mine = await idOf(tech());
    const [myMethod] = (
      await call<{ items: ContactMethodView[] }>(tech(), 'GET', '/api/v1/me/contact-methods')
    ).items;
    await call(otherManager, 'GET', `/api/v1/users/${mine}/contact-methods`, undefined, 404);
    await call(otherManager, 'GET', `/api/v1/users/${mine}/notification-rules`, undefined, 404);
    await call(otherManager, 'PATCH', `/api/v1/me/contact-methods/${myMethod.id}`, { enabled: false }, 404);
    await call(otherManager, 'DELETE', `/api/v1/me/contact-methods/${myMethod.id}`, undefined, 404);
    const step = { contactMethodId: myMethod.id, delayMinutes: 0 };
    const refused = await call<{ errors: { field: string }[] }>(otherManager, 'PUT', '/api/v1/me/notification-rules', { high: [step], low: [step] }, 400); // prettier-ignore
    expect(refused.errors.map((error) => error.field)).toEqual([
      'high.0.contactMethodId',
      'low.0.contactMethodId',
    ]);
    const seen = JSON.stringify(await call(otherManager, 'GET', '/api/v1/me/contact-methods'));
    expect(seen).not.toContain(myMethod.id);
    expect((await call<{ items: ContactMethodView[] }>(tech(), 'GET', '/api/v1/me/contact-methods')).items[0]).toEqual(myMethod); // prettier-ignore
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await (await fetch(`${stage.platform.url('admin-api')}/api/docs-json`)).json()) as { paths: Record<string, object> }; // prettier-ignore
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/users/{id}/contact-methods',
        '/api/v1/users/{id}/contact-methods/{methodId}',
        '/api/v1/users/{id}/notification-rules',
        '/api/v1/me/contact-methods',
        '/api/v1/me/notification-rules',
      ]),
    );
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/email-actions'))).toEqual([]);
  });
});
