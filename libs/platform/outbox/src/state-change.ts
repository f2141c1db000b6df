import { StateRecord, stateSubject } from '@oncall/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { OutboxMessage } from './outbox-message';
import { enqueueOutboxMessages } from './outbox-writer';

export interface StateChange<TView> {
  context: string;
  resourceType: string;
  orgId: string;
  resourceId: string;
  /** The resource's view for other services' local copies; null when it no longer exists. */
  view: TView | null;
}

/**
 * Publishes a resource's current view to ONCALL_STATE through the outbox, in the caller's transaction, so
 * local copies elsewhere follow every committed change and never one that rolled back. Messages of one
 * resource share an ordering key: they reach the stream in commit order.
 */
export async function enqueueStateChanges<TView>(
  tx: EntityManager,
  changes: StateChange<TView>[],
  publishedAt: string,
): Promise<void> {
  await enqueueOutboxMessages(
    tx,
    changes.map((change) => stateMessageFor(change, publishedAt)),
  );
}

export function stateMessageFor<TView>(change: StateChange<TView>, publishedAt: string): OutboxMessage {
  const record: StateRecord<TView> = {
    resourceType: change.resourceType,
    orgId: change.orgId,
    resourceId: change.resourceId,
    deleted: change.view === null,
    view: change.view,
    publishedAt,
  };
  return {
    messageId: randomUUID(),
    subject: stateSubject(change.context, change.resourceType, change.resourceId),
    body: JSON.stringify(record),
    headers: {},
    orderingKey: `${change.context}:${change.resourceType}:${change.resourceId}`,
  };
}
