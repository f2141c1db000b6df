import {
  MessageEnvelope,
  PSA_EVENT_SCHEMA_VERSION,
  psaEventSubject,
  PsaFacts,
  PsaFactType,
} from '@oncall/contracts';
import { outboxMessageFor, enqueueOutboxMessages } from '@oncall/platform-outbox';
import { PsaFailure, PsaTicketRef } from '@oncall/psa-domain';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

export interface PsaFact<T extends PsaFactType = PsaFactType> {
  type: T;
  data: PsaFacts[T];
}

export interface FactContext {
  correlationId: string;
  causationId: string | null;
  occurredAt: Date;
}

/**
 * Writes facts to the outbox in the caller's transaction, so each exists exactly when the change it reports
 * committed. One ordering key per incident: its timeline gets them in the order they happened.
 */
export async function enqueuePsaFacts(
  tx: EntityManager,
  facts: PsaFact[],
  context: FactContext,
): Promise<void> {
  await enqueueOutboxMessages(
    tx,
    facts.map((fact) => {
      const envelope: MessageEnvelope = {
        type: fact.type,
        data: fact.data,
        metadata: {
          eventId: randomUUID(),
          orgId: fact.data.orgId,
          correlationId: context.correlationId,
          causationId: context.causationId,
          occurredAt: context.occurredAt.toISOString(),
          schemaVersion: PSA_EVENT_SCHEMA_VERSION,
        },
      };
      return outboxMessageFor(
        psaEventSubject(fact.type),
        envelope,
        `psa:${fact.data.orgId}:${fact.data.incidentId}`,
      );
    }),
  );
}

export const ticketName = (ticket: PsaTicketRef): string => `${ticket.provider} #${ticket.ticketId}`;

/** "503: Maintenance until 02:00" or the message alone when no answer came. */
export const failureText = (failure: PsaFailure): string =>
  failure.status === null ? failure.message : `${failure.message} (HTTP ${failure.status})`;

const REQUESTED_BY = {
  trigger: 'when the incident triggered',
  acknowledge: 'on acknowledgement',
  manual: 'by hand',
} as const;

export function pendingSummary(requestedBy: keyof typeof REQUESTED_BY): string {
  return `PSA ticket pending (requested ${REQUESTED_BY[requestedBy]})`;
}
