import { OnCallNowEntry, OnCallNowView, PoliciesByScheduleAnswer, PolicyServiceRef } from '@oncall/contracts';
import { Person } from './directory-people';

export function toOnCallNowView(
  entry: OnCallNowEntry,
  people: Map<string, Person>,
  policies: PoliciesByScheduleAnswer | null,
  servicesByPolicy: Map<string, PolicyServiceRef[]>,
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
