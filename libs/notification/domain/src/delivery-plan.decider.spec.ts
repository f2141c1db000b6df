import fc from 'fast-check';
import { defaultRules } from './default-notification-rules';
import { deliveryIdempotencyKey } from './delivery-idempotency';
import { planDeliveries } from './delivery-plan.decider';
import type { NotificationRules } from './notification.types';
import {
  ALICE_ACCOUNT_EMAIL,
  accountEmail,
  BOB,
  contactMethod,
  pageRequest,
  phone,
  slack,
  T,
} from './testing/notification.fixtures';

const step = (contactMethodId: string, delayMinutes: number) => ({ contactMethodId, delayMinutes });
const issueExample: NotificationRules = {
  high: [step('cm-account', 0), step('cm-slack', 0), step('cm-account', 5)],
  low: [step('cm-account', 0)],
};
const sends = (plan: ReturnType<typeof planDeliveries>) =>
  plan.outcome === 'planned' ? plan.deliveries.map((d) => `${d.channel} ${d.address} at ${d.dueAt}`) : [];

describe('planDeliveries', () => {
  it('plans each rule step of the urgency at the page time plus its delay', () => {
    const plan = planDeliveries(pageRequest(), [accountEmail, slack], issueExample, ALICE_ACCOUNT_EMAIL);
    expect(plan).toMatchObject({ outcome: 'planned', skipped: [], fallback: false });
    expect(sends(plan)).toEqual([
      `email ${ALICE_ACCOUNT_EMAIL} at ${T.requested}`,
      `slack ${slack.address} at ${T.requested}`,
      `email ${ALICE_ACCOUNT_EMAIL} at ${T.plus5min}`,
    ]);
  });

  it('uses the rules of the page urgency', () => {
    const plan = planDeliveries(pageRequest({ urgency: 'low' }), [accountEmail, slack], issueExample, ALICE_ACCOUNT_EMAIL);
    expect(sends(plan)).toEqual([`email ${ALICE_ACCOUNT_EMAIL} at ${T.requested}`]);
  }); // prettier-ignore

  it('describes each send fully, with its idempotency key', () => {
    const plan = planDeliveries(pageRequest({ level: 2, cycle: 3 }), [slack], defaultRules('cm-slack'), null);
    expect(plan.outcome === 'planned' && plan.deliveries[1]).toEqual({
      idempotencyKey: 'notify:org-1:inc-1:user-alice:L2:C3:cm-slack:3m',
      orgId: 'org-1',
      incidentId: 'inc-1',
      userId: 'user-alice',
      level: 2,
      cycle: 3,
      urgency: 'high',
      contactMethodId: 'cm-slack',
      channel: 'slack',
      address: slack.address,
      delayMinutes: 3,
      requestedAt: T.requested,
      dueAt: T.plus3min,
    });
  });

  it.each([
    { case: 'a disabled method', method: { ...slack, enabled: false }, reason: 'method-disabled' },
    { case: 'an unverified method', method: { ...slack, verified: false }, reason: 'method-unverified' },
    { case: 'an unverified email that is not the account address', method: { ...accountEmail, id: 'cm-other', address: 'other@msp.example' }, reason: 'method-unverified' },
    { case: 'a channel not delivered yet', method: phone, reason: 'channel-not-deliverable' },
    { case: "another person's method", method: { ...slack, userId: BOB }, reason: 'method-not-found' },
  ])('skips a step on $case, with the reason', ({ method, reason }) => {
    const rules = { high: [step(method.id, 0), step('cm-account', 0)], low: [] };
    const plan = planDeliveries(pageRequest(), [method, accountEmail], rules, ALICE_ACCOUNT_EMAIL);
    expect(plan).toMatchObject({ outcome: 'planned', skipped: [{ ...step(method.id, 0), reason }], fallback: false });
    expect(sends(plan)).toEqual([`email ${ALICE_ACCOUNT_EMAIL} at ${T.requested}`]);
  }); // prettier-ignore

  it('counts the account email as verified whatever its letter case', () => {
    const plan = planDeliveries(
      pageRequest(),
      [accountEmail],
      defaultRules('cm-account'),
      'ALICE@MSP.Example',
    );
    expect(sends(plan)).toHaveLength(2);
  });

  it('skips a step whose method was deleted', () => {
    const rules = { high: [step('cm-gone', 0), step('cm-slack', 1)], low: [] };
    const plan = planDeliveries(pageRequest(), [slack], rules, null);
    expect(plan).toMatchObject({ skipped: [{ ...step('cm-gone', 0), reason: 'method-not-found' }] });
  });

  it('when no step is usable, notifies every usable method at once instead (a page never waits silently)', () => {
    const rules = { high: [step('cm-phone', 0), step('cm-account', 10)], low: [] };
    const methods = [phone, { ...accountEmail, enabled: false }, slack];
    const plan = planDeliveries(pageRequest(), methods, rules, ALICE_ACCOUNT_EMAIL);
    expect(plan).toMatchObject({ outcome: 'planned', fallback: true });
    expect(plan.skipped.map((s) => s.reason)).toEqual(['channel-not-deliverable', 'method-disabled']);
    expect(sends(plan)).toEqual([`slack ${slack.address} at ${T.requested}`]);
  });

  it('answers no-contact-method when the person has no usable method at all', () => {
    const rules = { high: [step('cm-account', 0)], low: [] };
    const plan = planDeliveries(pageRequest(), [{ ...accountEmail, address: 'x@y.example' }, phone], rules, ALICE_ACCOUNT_EMAIL);
    expect(plan).toEqual({ outcome: 'no-contact-method', skipped: [{ ...step('cm-account', 0), reason: 'method-unverified' }] });
    expect(planDeliveries(pageRequest(), [], rules, null).outcome).toBe('no-contact-method');
  }); // prettier-ignore

  it('plans a step listed twice once', () => {
    const rules = { high: [step('cm-slack', 0), step('cm-slack', 0)], low: [] };
    expect(sends(planDeliveries(pageRequest(), [slack], rules, null))).toHaveLength(1);
  });

  it('gives a restarted walk (another generation) its own keys, so its pages are not taken for repeats', () => {
    const first = planDeliveries(pageRequest({ generation: 1 }), [slack], defaultRules('cm-slack'), null);
    const second = planDeliveries(pageRequest({ generation: 2 }), [slack], defaultRules('cm-slack'), null);
    expect(first.outcome === 'planned' && first.deliveries[0].idempotencyKey).toBe(
      'notify:org-1:inc-1:user-alice:G1:L1:C1:cm-slack:0m',
    );
    expect(second.outcome === 'planned' && second.deliveries[0].idempotencyKey).toContain(':G2:L1:C1:');
  });

  it('refuses a request time that is not an instant', () => {
    expect(() =>
      planDeliveries(pageRequest({ requestedAt: 'soon' }), [slack], defaultRules('cm-slack'), null),
    ).toThrow('requestedAt is not an instant: soon');
  });
});

describe('planDeliveries properties', () => {
  const identity = fc.record({
    orgId: fc.constantFrom('org-1', 'org:1', 'org'),
    incidentId: fc.constantFrom('inc-1', 'inc-2', '1:inc'),
    userId: fc.constantFrom('u', 'u:1', '1'),
    generation: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    level: fc.integer({ min: 1, max: 3 }),
    cycle: fc.integer({ min: 1, max: 3 }),
    contactMethodId: fc.constantFrom('cm', 'cm:0', 'cm-1'),
    delayMinutes: fc.constantFrom(0, 1, 10),
  });

  it('two different (incident, person, level, cycle, rule step) never share an idempotency key', () => {
    fc.assert(
      fc.property(identity, identity, (a, b) => {
        const same = JSON.stringify(a) === JSON.stringify(b);
        expect(deliveryIdempotencyKey(a) === deliveryIdempotencyKey(b)).toBe(same);
      }),
    );
  });

  it('every rule step of the urgency is either planned or skipped, never both, never lost', () => {
    const method = fc.record({
      id: fc.constantFrom('cm-1', 'cm-2', 'cm-3'),
      type: fc.constantFrom('email' as const, 'slack' as const, 'sms' as const),
      verified: fc.boolean(),
      enabled: fc.boolean(),
    });
    const steps = fc.uniqueArray(fc.record({ contactMethodId: fc.constantFrom('cm-1', 'cm-2', 'cm-3', 'cm-4'), delayMinutes: fc.constantFrom(0, 5) }), {
      selector: (s) => `${s.contactMethodId}@${s.delayMinutes}`, minLength: 1,
    });
    fc.assert(
      fc.property(fc.uniqueArray(method, { selector: (m) => m.id }), steps, (methodFields, high) => {
        const methods = methodFields.map((fields) => contactMethod(fields));
        const plan = planDeliveries(pageRequest(), methods, { high, low: [] }, null);
        if (plan.outcome === 'planned' && plan.fallback) expect(plan.skipped).toHaveLength(high.length);
        if (plan.outcome === 'no-contact-method') expect(plan.skipped).toHaveLength(high.length);
        if (plan.outcome === 'planned' && !plan.fallback) {
          expect(plan.deliveries.length + plan.skipped.length).toBe(high.length);
        }
      }),
    );
  }); // prettier-ignore
});
