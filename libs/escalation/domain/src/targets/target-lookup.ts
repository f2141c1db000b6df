import type { Instant } from '../instant';

/**
 * What target resolution needs to know, answered by the escalation service from its local copies of the
 * directory and the schedules (never a call to another service while paging). Every answer is for the
 * caller's organization; null means the thing no longer exists.
 */
export interface TargetLookup {
  /** The user when they exist and are active; a deactivated user is never paged. */
  activeUser(userId: string): { readonly id: string } | null;
  /** The team's name and its members (active or not: each is checked with `activeUser`). */
  teamMembers(teamId: string): { readonly teamName: string; readonly userIds: readonly string[] } | null;
  /** The schedule a team pages through, when it has one. */
  teamScheduleId(teamId: string): string | null;
  /** Who is on call in the schedule at `at` (overrides included), and the schedule's name. */
  whoIsOnCall(
    scheduleId: string,
    at: Instant,
  ): { readonly scheduleName: string; readonly userIds: readonly string[] } | null;
}
