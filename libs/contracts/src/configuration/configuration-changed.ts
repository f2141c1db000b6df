import { MessageContext, MessageEnvelope } from '../messaging/envelope';
import { toKebabCase } from '../messaging/subjects';
import { ChangeActor } from '../directory/directory-events';

/**
 * A configuration change made in a service other than admin-api (a schedule, an override, an escalation
 * policy). Published through the owning service's outbox on `oncall.evt.<context>.config.<resource>-<action>.v1`;
 * admin-api writes it to the audit log.
 */
export interface ConfigurationChanged<TView = Record<string, unknown>> {
  resourceType: string;
  resourceId: string;
  action: string;
  actor: ChangeActor;
  before: TView | null;
  after: TView | null;
}

export const CONFIGURATION_CONTEXTS = ['scheduling', 'escalation', 'psa'] as const;
export type ConfigurationContext = (typeof CONFIGURATION_CONTEXTS)[number];

export function configurationChangedSubject(
  context: ConfigurationContext,
  resourceType: string,
  action: string,
): string {
  return `oncall.evt.${context}.config.${toKebabCase(resourceType)}-${toKebabCase(action)}.v1`;
}

/** Filter subject of every configuration change of a context (what the audit consumer reads). */
export const configurationChangesOf = (context: ConfigurationContext) => `oncall.evt.${context}.config.>`;

/** Builds the envelope; the caller writes it to its outbox in the transaction of the change. */
export function configurationChangedEnvelope<TView>(
  change: ConfigurationChanged<TView>,
  context: MessageContext,
  ids: { eventId: string; occurredAt: string },
): MessageEnvelope<string, ConfigurationChanged<TView>> {
  const type = `${pascal(change.resourceType)}${pascal(change.action)}`;
  return {
    type,
    data: change,
    metadata: { ...context, eventId: ids.eventId, occurredAt: ids.occurredAt, schemaVersion: 1 },
  };
}

const pascal = (word: string) =>
  word
    .split(/[-_ ]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
