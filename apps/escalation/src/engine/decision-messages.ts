import {
  escalationEventSubject,
  ESCALATION_EVENT_SCHEMA_VERSION,
  INCIDENT_COMMAND_REQUESTED,
  IncidentCommandRequested,
  MessageEnvelope,
  NOTIFY_REQUESTED,
  NotifyRequested,
  PagedIncident,
  StepFired,
} from '@oncall/contracts';
import {
  CommandDecision,
  decisionKey,
  NotifyManagersDecision,
  PageDecision,
  RecordDecision,
} from '@oncall/escalation-domain';
import { OutboxMessage, outboxMessageFor } from '@oncall/platform-outbox';
import { deterministicUuid } from '@oncall/platform-messaging';
import { factSummary, pageSummary } from './fact-summaries';

/** What a decision's messages need besides the decision: the incident as pages describe it, the cause. */
export interface MessageContext {
  incident: PagedIncident;
  correlationId: string;
  causationId: string | null;
  now: Date;
  nameOf(userId: string): string | null;
  /** The organization's active managers (user ids). */
  managers(): string[];
}

/** One NotifyRequested per person (message id from the page id) and the StepFired fact naming them. */
export function pageMessages(decision: PageDecision, context: MessageContext): OutboxMessage[] {
  const pages = decision.recipients.map((recipient) =>
    message<NotifyRequested>(NOTIFY_REQUESTED, decision.orgId, recipient.idempotencyKey, context, {
      pageId: recipient.idempotencyKey,
      kind: 'page',
      incidentId: decision.incidentId,
      orgId: decision.orgId,
      userId: recipient.userId,
      generation: decision.generation,
      level: decision.level,
      cycle: decision.cycle,
      reason: recipient.reason,
      urgency: decision.urgency,
      requestedAt: decision.at,
      incident: context.incident,
    } satisfies NotifyRequested),
  );
  const fired: StepFired = {
    incidentId: decision.incidentId,
    orgId: decision.orgId,
    at: decision.at,
    generation: decision.generation,
    level: decision.level,
    cycle: decision.cycle,
    urgency: decision.urgency,
    recipients: decision.recipients.map((recipient) => ({
      userId: recipient.userId,
      name: context.nameOf(recipient.userId),
      reason: recipient.reason,
    })),
    summary: pageSummary(decision, context.nameOf),
  };
  return [...pages, message('StepFired', decision.orgId, decisionKey(decision), context, fired)];
}

/** The organization's managers, each paged once per unanswered walk (kind 'unanswered'). */
export function managerMessages(decision: NotifyManagersDecision, context: MessageContext): OutboxMessage[] {
  return context.managers().map((userId) => {
    const pageId = `${decision.incidentId}:${decision.generation}:unanswered:${userId}`;
    return message<NotifyRequested>(NOTIFY_REQUESTED, decision.orgId, pageId, context, {
      pageId,
      kind: 'unanswered',
      incidentId: decision.incidentId,
      orgId: decision.orgId,
      userId,
      generation: decision.generation,
      level: null,
      cycle: null,
      reason: 'nobody answered the escalation policy; you manage the organization',
      urgency: 'high',
      requestedAt: decision.at,
      incident: context.incident,
    } satisfies NotifyRequested);
  });
}

export function factMessage(decision: RecordDecision, context: MessageContext): OutboxMessage {
  const { fact } = decision;
  return message(fact.type, fact.orgId, decisionKey(decision), context, {
    ...fact,
    summary: factSummary(fact),
  });
}

export function commandMessage(decision: CommandDecision, context: MessageContext): OutboxMessage {
  const { command } = decision;
  const data: IncidentCommandRequested = {
    incidentId: command.incidentId,
    orgId: command.orgId,
    command:
      command.type === 'UnacknowledgeIncident'
        ? {
            type: 'UnacknowledgeIncident',
            data: {
              incidentId: command.incidentId,
              orgId: command.orgId,
              reason: 'ack-timeout',
              acknowledgedAt: command.acknowledgedAt,
            },
            by: { kind: 'system', reason: 'ack-timeout' },
            at: command.at,
          }
        : {
            type: 'ResolveIncident',
            data: { incidentId: command.incidentId, orgId: command.orgId },
            by: { kind: 'system', reason: 'auto-resolve' },
            at: command.at,
          },
  };
  return message(INCIDENT_COMMAND_REQUESTED, command.orgId, decisionKey(decision), context, data);
}

function message<TData extends { incidentId: string }>(
  type: string,
  orgId: string,
  key: string,
  context: MessageContext,
  data: TData,
): OutboxMessage {
  const envelope: MessageEnvelope = {
    type,
    data,
    metadata: {
      eventId: deterministicUuid('oncall.escalation', `${type}:${key}`),
      orgId,
      correlationId: context.correlationId,
      causationId: context.causationId,
      occurredAt: context.now.toISOString(),
      schemaVersion: ESCALATION_EVENT_SCHEMA_VERSION,
    },
  };
  // One ordering key per incident: its pages and facts reach the stream in decision order.
  return outboxMessageFor(escalationEventSubject(type), envelope, data.incidentId);
}
