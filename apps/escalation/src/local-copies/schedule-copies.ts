import { Inject, Injectable } from '@nestjs/common';
import { SCHEDULE_STATE_RESOURCE, SCHEDULING_STATE_CONTEXT, ScheduleState } from '@oncall/contracts';
import { inOrganization, LocalStateCopies, MessageBus } from '@oncall/platform-messaging';
import { LOGGER } from '@oncall/platform-runtime';
import { whoIsOnCallInHistory } from '@oncall/scheduling-domain';
import { Logger } from 'pino';

/**
 * Schedules as scheduling last published them (ADR 0140): who is on call is computed here with the
 * scheduling engine, so scheduling being down or slow never holds a page back.
 */
@Injectable()
export class ScheduleCopies extends LocalStateCopies {
  readonly schedules = this.copy<ScheduleState>({
    context: SCHEDULING_STATE_CONTEXT,
    resourceType: SCHEDULE_STATE_RESOURCE,
  });
  /** teamId → the team's schedule (the first by name when a team has several). */
  private readonly byTeam = new Map<string, ScheduleState>();

  constructor(bus: MessageBus, @Inject(LOGGER) logger: Logger) {
    super(bus, logger);
    this.schedules.onChange((current, previous) => {
      const teams = new Set([current.view?.teamId, previous?.view?.teamId]);
      for (const teamId of teams) if (teamId) this.indexTeam(teamId);
    });
  }

  schedule(orgId: string, scheduleId: string): ScheduleState | undefined {
    return inOrganization(orgId, this.schedules.get(scheduleId));
  }

  teamSchedule(orgId: string, teamId: string): ScheduleState | undefined {
    return inOrganization(orgId, this.byTeam.get(teamId));
  }

  /** Who is on call in the schedule at `at` (overrides included), or null when the copy has no such schedule. */
  whoIsOnCall(orgId: string, scheduleId: string, at: string): { name: string; userIds: string[] } | null {
    const schedule = this.schedule(orgId, scheduleId);
    if (!schedule) return null;
    const assignment = whoIsOnCallInHistory(schedule.history, at);
    return { name: schedule.name, userIds: assignment ? [assignment.userId] : [] };
  }

  private indexTeam(teamId: string): void {
    const candidates = [...this.schedules.views()]
      .filter((view) => view.teamId === teamId)
      .sort((a, b) => a.name.localeCompare(b.name) || a.scheduleId.localeCompare(b.scheduleId));
    if (candidates[0]) this.byTeam.set(teamId, candidates[0]);
    else this.byTeam.delete(teamId);
  }
}
