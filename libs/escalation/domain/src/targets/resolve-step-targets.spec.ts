import type { EscalationTarget } from '../escalation-policy.types';
import type { SnapshotStep } from '../policy-snapshot';
import { fakeTargetLookup } from '../testing/fake-target-lookup';
import { resolveStepTargets } from './resolve-step-targets';

const AT = '2024-05-01T02:00:00.000Z';
const LATER = '2024-05-01T02:10:00.000Z';
const user = (id: string): EscalationTarget => ({ type: 'user', id });
const schedule = (id: string): EscalationTarget => ({ type: 'schedule', id });
const team = (id: string): EscalationTarget => ({ type: 'team', id });

const lookup = fakeTargetLookup({
  activeUsers: ['alice', 'bob', 'carol', 'dave'],
  teams: {
    network: { name: 'Network', members: ['bob', 'carol', 'leaver'] },
    servers: { name: 'Servers', members: ['alice', 'bob'], scheduleId: 'servers-nights' },
  },
  schedules: {
    technicians: { name: 'Technicians 24/7', shifts: [{ from: AT, userIds: ['alice'] }, { from: LATER, userIds: ['dave'] }] },
    'servers-nights': { name: 'Servers nights', shifts: [{ from: AT, userIds: ['bob'] }] },
    gappy: { name: 'Weekdays', shifts: [{ from: AT, userIds: [] }] },
  },
}); // prettier-ignore

const step = (targets: EscalationTarget[], fields: Partial<SnapshotStep> = {}): SnapshotStep => ({
  level: 1,
  delayMinutes: 5,
  targets,
  strategy: 'all',
  ...fields,
});
const paged = (targets: EscalationTarget[], fields: Partial<SnapshotStep> = {}, cycle = 1, at = AT) =>
  resolveStepTargets(step(targets, fields), cycle, lookup, at).recipients.map(({ userId, reason }) => [
    userId,
    reason,
  ]);

describe('resolveStepTargets (fake target lookup)', () => {
  it.each([
    { case: 'a schedule pages whoever is on call in it', targets: [schedule('technicians')], level: 1,
      paged: [['alice', 'step 1, on call in Technicians 24/7']] },
    { case: 'a team without a schedule pages every active member', targets: [team('network')], level: 2,
      paged: [['bob', 'step 2, member of team Network'], ['carol', 'step 2, member of team Network']] },
    { case: 'a team with a schedule pages whoever is on call in it', targets: [team('servers')], level: 2,
      paged: [['bob', 'step 2, on call in Servers nights for team Servers']] },
    { case: 'a user is paged as named', targets: [user('carol')], level: 3, paged: [['carol', 'step 3, user']] },
    { case: 'a person reached through several targets is paged once, with every reason',
      targets: [team('network'), user('bob')], level: 1,
      paged: [['bob', 'step 1, member of team Network and user'], ['carol', 'step 1, member of team Network']] },
  ])('$case', ({ targets, level, paged: expected }) => {
    expect(paged(targets, { level })).toEqual(expected);
  }); // prettier-ignore

  it('resolves a schedule at the instant the step fires (an override made later is honoured)', () => {
    expect(paged([schedule('technicians')], {}, 1, LATER)).toEqual([
      ['dave', 'step 1, on call in Technicians 24/7'],
    ]);
  });

  it('names the repeat in the reason after the first pass', () => {
    expect(paged([user('carol')], { level: 2 }, 3)).toEqual([['carol', 'step 2 (repeat 2), user']]);
  });

  it('reports every target that reaches nobody active: a gap, a deleted schedule or team, a deactivated user', () => {
    const targets = [schedule('gappy'), schedule('deleted'), team('gone'), user('leaver'), user('alice')];
    const resolved = resolveStepTargets(step(targets), 1, lookup, AT);
    expect(resolved.recipients.map((recipient) => recipient.userId)).toEqual(['alice']);
    expect(resolved.unresolved).toEqual(targets.slice(0, 4));
  });

  it('answers nobody when no target reaches anyone', () => {
    expect(resolveStepTargets(step([schedule('gappy')]), 1, lookup, AT)).toEqual({
      recipients: [],
      unresolved: [schedule('gappy')],
    });
  });

  it('keeps where each person came from', () => {
    expect(resolveStepTargets(step([team('servers')]), 1, lookup, AT).recipients[0].sources).toEqual([
      { type: 'team', teamId: 'servers', teamName: 'Servers', schedule: { id: 'servers-nights', name: 'Servers nights' } },
    ]);
  }); // prettier-ignore
});

describe('resolveStepTargets, round robin (fake target lookup)', () => {
  const ring = [user('alice'), user('bob'), user('carol')];
  const roundRobin = (cycle: number, offset: number, targets = ring) =>
    resolveStepTargets(step(targets, { strategy: 'round-robin' }), cycle, lookup, AT, offset);

  it.each([
    { cycle: 1, offset: 0, userId: 'alice' },
    { cycle: 2, offset: 0, userId: 'bob' },
    { cycle: 3, offset: 0, userId: 'carol' },
    { cycle: 4, offset: 0, userId: 'alice' },
    { cycle: 1, offset: 2, userId: 'carol' },
    { cycle: 2, offset: 2, userId: 'alice' },
    { cycle: 1, offset: 7, userId: 'bob' },
  ])('cycle $cycle with offset $offset pages $userId only', ({ cycle, offset, userId }) => {
    expect(roundRobin(cycle, offset).recipients.map((recipient) => recipient.userId)).toEqual([userId]);
  });

  it('moves on past a target that reaches nobody, and reports it', () => {
    const targets = [schedule('gappy'), user('leaver'), team('network')];
    const resolved = roundRobin(1, 0, targets);
    expect(resolved.recipients.map((recipient) => recipient.userId)).toEqual(['bob', 'carol']);
    expect(resolved.unresolved).toEqual([schedule('gappy'), user('leaver')]);
  });

  it('answers nobody, listing every target in rotation order, when none reaches anyone', () => {
    const targets = [schedule('gappy'), user('leaver')];
    expect(roundRobin(2, 0, targets)).toEqual({
      recipients: [],
      unresolved: [user('leaver'), schedule('gappy')],
    });
  });
});
