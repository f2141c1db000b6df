import { MessageEnvelope, StreamDefinition } from '@oncall/contracts';
import { randomUUID } from 'node:crypto';
import { MessageBus } from '../message-bus';

/** The work stream the messaging int-specs consume from. */
export const WORK: StreamDefinition = {
  name: 'WORK',
  subjects: ['work.>'],
  maxAgeMs: 60_000,
  duplicateWindowMs: 60_000,
};

/** A `WorkRequested` message carrying `data`, with fresh ids. */
export function workEnvelope(data: Record<string, unknown>): MessageEnvelope {
  return {
    type: 'WorkRequested',
    data,
    metadata: {
      eventId: randomUUID(),
      orgId: 'org-1',
      correlationId: 'corr',
      causationId: null,
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  };
}

/** A subject namespace of a test's own, as createTestNamespace makes it. */
export interface TestNamespace {
  prefix: string;
  cleanup(): Promise<void>;
}

/**
 * A bus on the test NATS server (`url`) in a test's own subject namespace (from createTestNamespace: this
 * file serves tests but is not one, so it takes the testing library's pieces as arguments).
 */
export function openTestBus(
  namespace: TestNamespace,
  url: string,
  connectionName: string,
  streams: StreamDefinition[],
): Promise<MessageBus> {
  return MessageBus.connect({
    url,
    connectionName,
    subjectPrefix: namespace.prefix,
    streams,
  });
}

/** Closes the bus, then deletes the streams of its namespace. */
export async function closeTestBus(bus: MessageBus, namespace: TestNamespace): Promise<void> {
  await bus.close();
  await namespace.cleanup();
}
