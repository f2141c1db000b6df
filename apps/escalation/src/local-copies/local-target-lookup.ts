import { TargetLookup } from '@oncall/escalation-domain';
import { DirectoryCopies } from './directory-copies';
import { ScheduleCopies } from './schedule-copies';

/** The engine's TargetLookup for one organization, answered from the local copies only. */
export function localTargetLookup(
  orgId: string,
  directory: DirectoryCopies,
  schedules: ScheduleCopies,
): TargetLookup {
  return {
    activeUser(userId) {
      const user = directory.user(orgId, userId);
      return user?.active ? { id: user.userId } : null;
    },
    teamMembers(teamId) {
      const team = directory.team(orgId, teamId);
      return team ? { teamName: team.name, userIds: team.memberIds } : null;
    },
    teamScheduleId(teamId) {
      return schedules.teamSchedule(orgId, teamId)?.scheduleId ?? null;
    },
    whoIsOnCall(scheduleId, at) {
      const answer = schedules.whoIsOnCall(orgId, scheduleId, at);
      return answer ? { scheduleName: answer.name, userIds: answer.userIds } : null;
    },
  };
}
