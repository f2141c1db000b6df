import type { EscalationTarget } from '../escalation-policy.types';
import type { Instant } from '../instant';
import type { SnapshotStep } from '../policy-snapshot';
import type { TargetLookup } from './target-lookup';

/** How a person was reached: named in the step, on call in a schedule, or through a team. */
export type TargetSource =
  | { readonly type: 'user' }
  | { readonly type: 'schedule'; readonly scheduleId: string; readonly scheduleName: string }
  | {
      readonly type: 'team';
      readonly teamId: string;
      readonly teamName: string;
      /** Set when the team pages through its schedule rather than every member. */
      readonly schedule: { readonly id: string; readonly name: string } | null;
    };

/** One person a step pages (once, however many of its targets reach them) and why. */
export interface StepRecipient {
  readonly userId: string;
  /** For people, e.g. "step 1, on call in Technicians 24/7". */
  readonly reason: string;
  readonly sources: readonly TargetSource[];
}

export interface StepTargets {
  readonly recipients: readonly StepRecipient[];
  /** The targets tried that reached nobody active (a gap in a schedule, a deleted team, a deactivated user). */
  readonly unresolved: readonly EscalationTarget[];
}

/**
 * Who a step pages at `at` in `cycle` (1 = the first pass through the policy). `all` pages every
 * target's people; `round-robin` pages one target per cycle, starting at (offset + cycle − 1) mod n
 * and moving on past targets that reach nobody, so a rotation never skips a step that could page.
 */
export function resolveStepTargets(
  step: SnapshotStep,
  cycle: number,
  lookup: TargetLookup,
  at: Instant,
  roundRobinOffset = 0,
): StepTargets {
  const roundRobin = step.strategy === 'round-robin';
  const candidates = roundRobin ? rotated(step.targets, roundRobinOffset + cycle - 1) : step.targets;
  const sourcesByUser = new Map<string, TargetSource[]>();
  const unresolved: EscalationTarget[] = [];
  for (const target of candidates) {
    const reached = reach(target, lookup, at);
    const userIds = reached ? activeUsers(reached.userIds, lookup) : [];
    if (!reached || userIds.length === 0) {
      unresolved.push(target);
      continue;
    }
    for (const userId of userIds)
      sourcesByUser.set(userId, [...(sourcesByUser.get(userId) ?? []), reached.source]);
    if (roundRobin) break;
  }
  const recipients = [...sourcesByUser].map(([userId, sources]) => ({
    userId,
    reason: reasonFor(step.level, cycle, sources),
    sources,
  }));
  return { recipients, unresolved };
}

function rotated<T>(items: readonly T[], first: number): T[] {
  const start = ((first % items.length) + items.length) % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

function reach(
  target: EscalationTarget,
  lookup: TargetLookup,
  at: Instant,
): { source: TargetSource; userIds: readonly string[] } | null {
  switch (target.type) {
    case 'user':
      return { source: { type: 'user' }, userIds: [target.id] };
    case 'schedule': {
      const onCall = lookup.whoIsOnCall(target.id, at);
      if (!onCall) return null;
      const source = { type: 'schedule', scheduleId: target.id, scheduleName: onCall.scheduleName } as const;
      return { source, userIds: onCall.userIds };
    }
    case 'team':
      return reachTeam(target.id, lookup, at);
  }
}

function reachTeam(
  teamId: string,
  lookup: TargetLookup,
  at: Instant,
): { source: TargetSource; userIds: readonly string[] } | null {
  const team = lookup.teamMembers(teamId);
  if (!team) return null;
  const scheduleId = lookup.teamScheduleId(teamId);
  if (scheduleId === null) {
    return {
      source: { type: 'team', teamId, teamName: team.teamName, schedule: null },
      userIds: team.userIds,
    };
  }
  // A team with a schedule pages whoever is on call in it; a gap there is a gap, not the whole team.
  const onCall = lookup.whoIsOnCall(scheduleId, at);
  if (!onCall) return null;
  const schedule = { id: scheduleId, name: onCall.scheduleName };
  return { source: { type: 'team', teamId, teamName: team.teamName, schedule }, userIds: onCall.userIds };
}

function activeUsers(userIds: readonly string[], lookup: TargetLookup): string[] {
  return [...new Set(userIds)].filter((userId) => lookup.activeUser(userId) !== null);
}

function reasonFor(level: number, cycle: number, sources: readonly TargetSource[]): string {
  const step = cycle === 1 ? `step ${level}` : `step ${level} (repeat ${cycle - 1})`;
  return `${step}, ${sources.map(describe).join(' and ')}`;
}

function describe(source: TargetSource): string {
  switch (source.type) {
    case 'user':
      return 'user';
    case 'schedule':
      return `on call in ${source.scheduleName}`;
    case 'team':
      return source.schedule
        ? `on call in ${source.schedule.name} for team ${source.teamName}`
        : `member of team ${source.teamName}`;
  }
}
