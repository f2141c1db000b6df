import type { IntegrationRef, IntegrationType, MappingResult, ReceptionFacts } from '../mapped-alert';

export const RECEIVED_AT = '2027-03-02T10:00:00.000Z';
export const ROUTING_KEY = 'e93facc04764012d7bfb002500d5d1a6';

export function integration(type: IntegrationType, name = `${type} integration`): IntegrationRef {
  return { orgId: 'org-1', integrationId: `int-${type}`, serviceId: 'svc-1', type, name };
}

/** Alert ids `a-0`, `a-1`, … by element, so expectations name them. */
export const facts: ReceptionFacts = { receivedAt: RECEIVED_AT, alertId: (index) => `a-${index}` };

/** The fields a result refused, in order. */
export function refusedFields(result: MappingResult): string[] {
  return result.rejected.map((rejection) => rejection.field);
}

export function withField(
  body: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let target: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  if (value === undefined) delete target[keys[keys.length - 1]];
  else target[keys[keys.length - 1]] = value;
  return copy;
}
