import { OnCallNowEntry, PoliciesByScheduleAnswer } from '@oncall/contracts';
import { Person } from './directory-people';

export interface ServiceRef {
  serviceId: string;
  name: string;
}

export interface PolicyWithServices {
  policyId: string;
  name: string;
  /** The services whose incidents start this policy. */
  services: ServiceRef[];
}

/** One schedule of the live view: who is on call, until when, who is next, and what they answer for. */
export interface OnCallNowView {
  scheduleId: string;
  scheduleName: string;
  timeZone: string;
  onCall: (NonNullable<OnCallNowEntry['onCall']> & { name: string | null }) | null;
  next: (NonNullable<OnCallNowEntry['next']> & { name: string | null }) | null;
  /** The policies paging the schedule; null when the escalation service could not be asked. */
  policies: PolicyWithServices[] | null;
  policiesKnown: boolean;
}

export function toOnCallNowView(
  entry: OnCallNowEntry,
  people: Map<string, Person>,
  policies: PoliciesByScheduleAnswer | null,
  servicesByPolicy: Map<string, ServiceRef[]>,
): OnCallNowView {
  const nameOf = (userId: string) => people.get(userId)?.name ?? null;
  return {
    scheduleId: entry.scheduleId,
    scheduleName: entry.scheduleName,
    timeZone: entry.timeZone,
    onCall: entry.onCall ? { ...entry.onCall, name: nameOf(entry.onCall.userId) } : null,
    next: entry.next ? { ...entry.next, name: nameOf(entry.next.userId) } : null,
    policies: policies
      ? (policies[entry.scheduleId] ?? []).map((policy) => ({
          policyId: policy.policyId,
          name: policy.name,
          services: servicesByPolicy.get(policy.policyId) ?? [],
        }))
      : null,
    policiesKnown: policies !== null,
  };
}
