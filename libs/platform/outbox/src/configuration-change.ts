import {
  ChangeActor,
  ConfigurationChanged,
  configurationChangedEnvelope,
  configurationChangedSubject,
  ConfigurationContext,
  MessageContext,
} from '@oncall/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { outboxMessageFor } from './outbox-message';
import { enqueueOutboxMessages } from './outbox-writer';

/**
 * Writes a configuration change (for admin-api's audit log and for services keeping copies) to the outbox,
 * inside the transaction that made the change.
 */
export async function enqueueConfigurationChange<TView>(
  tx: EntityManager,
  context: ConfigurationContext,
  messageContext: MessageContext,
  change: ConfigurationChanged<TView>,
  occurredAt: string,
): Promise<void> {
  const envelope = configurationChangedEnvelope(change, messageContext, {
    eventId: randomUUID(),
    occurredAt,
  });
  const subject = configurationChangedSubject(context, change.resourceType, change.action);
  await enqueueOutboxMessages(tx, [outboxMessageFor(subject, envelope, change.resourceId)]);
}

/** The actor of a change made by a person whose identity admin-api verified. */
export function personActor(person: { userId: string; name: string }): ChangeActor {
  return { kind: 'user', userId: person.userId, name: person.name };
}
