import type { IntegrationRef, MappedAlert, MappingResult, ReceptionFacts } from './mapped-alert';
import { FieldReader } from './reading/field-reader';
import type { FieldProblem } from './reading/json-rules';

type BaseFields =
  | 'alertId'
  | 'orgId'
  | 'integrationId'
  | 'integrationName'
  | 'serviceId'
  | 'origin'
  | 'kind'
  | 'disposition'
  | 'labels'
  | 'links'
  | 'images'
  | 'receivedAt';

/** What every alert made from element `index` of a body carries, before the source's own fields. */
export function alertBase(
  integration: IntegrationRef,
  facts: ReceptionFacts,
  index = 0,
): Pick<MappedAlert, BaseFields> {
  return {
    alertId: facts.alertId(index),
    orgId: integration.orgId,
    integrationId: integration.integrationId,
    integrationName: integration.name,
    serviceId: integration.serviceId,
    origin: integration.type,
    kind: 'alert',
    disposition: 'page',
    labels: {},
    links: [],
    images: [],
    receivedAt: facts.receivedAt,
  };
}

/** A trigger kept in the history and shown, opening and changing no incident. */
export function recorded(reason: string): Pick<MappedAlert, 'disposition' | 'recordReason'> {
  return { disposition: 'record', recordReason: reason };
}

/**
 * One event per body: a body that is no JSON object is refused; otherwise `read` reads the alert, which is
 * kept when nothing was wrong. Any problem found on the way refuses the event: every problem and no alert
 * (the alert then holds the readers' stand-ins and is dropped).
 */
export function mapSingleEvent(body: unknown, read: (event: FieldReader) => MappedAlert): MappingResult {
  const problems: FieldProblem[] = [];
  const event = FieldReader.of(body, '', problems);
  if (!event) return { alerts: [], rejected: problems };
  const alert = read(event);
  if (problems.length > 0) return { alerts: [], rejected: problems };
  return { alerts: [withoutAbsentFields(alert)], rejected: [] };
}

export type AlertBase = ReturnType<typeof alertBase>;

/** Drops fields set to undefined, so an alert compares and serializes as the fields it has. */
export function withoutAbsentFields<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
