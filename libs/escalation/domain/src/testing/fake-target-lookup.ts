// An in-memory directory for the escalation specs: what the service's local copies would answer.
import type { Instant } from '../instant';
import type { TargetLookup } from '../targets/target-lookup';

/** From `from` on (until the next shift), `userIds` are on call; an empty list is a gap. */
export interface FakeShift {
  readonly from: Instant;
  readonly userIds: readonly string[];
}

export interface FakeDirectory {
  readonly activeUsers: readonly string[];
  readonly teams?: Readonly<
    Record<string, { name: string; members: readonly string[]; scheduleId?: string }>
  >;
  readonly schedules?: Readonly<Record<string, { name: string; shifts: readonly FakeShift[] }>>;
}

export function fakeTargetLookup(directory: FakeDirectory): TargetLookup {
  const teams = directory.teams ?? {};
  const schedules = directory.schedules ?? {};
  return {
    activeUser: (userId) => (directory.activeUsers.includes(userId) ? { id: userId } : null),
    teamMembers: (teamId) => {
      const team = teams[teamId];
      return team ? { teamName: team.name, userIds: team.members } : null;
    },
    teamScheduleId: (teamId) => teams[teamId]?.scheduleId ?? null,
    whoIsOnCall: (scheduleId, at) => {
      const schedule = schedules[scheduleId];
      if (!schedule) return null;
      const current = schedule.shifts.filter((shift) => Date.parse(shift.from) <= Date.parse(at)).at(-1);
      return { scheduleName: schedule.name, userIds: current?.userIds ?? [] };
    },
  };
}
