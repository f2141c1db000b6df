import { EscalationDecision, EscalationTimer } from '@oncall/escalation-domain';
import { enqueueOutboxMessages, OutboxMessage } from '@oncall/platform-outbox';
import { cancelTimerGroup, cancelTimers, scheduleTimers } from '@oncall/platform-timers';
import { EntityManager } from 'typeorm';
import {
  commandMessage,
  factMessage,
  managerMessages,
  MessageContext,
  pageMessages,
} from './decision-messages';
import { storeRoundRobinOffset } from './process.store';

/**
 * Performs the engine's decisions in the caller's transaction (ADR 0141): outbox rows for pages, facts
 * and commands; timer rows (kind = timer type, key = incident); round-robin offsets. Nothing here
 * touches the network, so the decisions, the state and the consumed input commit together or not at all.
 */
export async function performDecisions(
  tx: EntityManager,
  decisions: readonly EscalationDecision[],
  context: MessageContext,
  orgId: string,
): Promise<void> {
  const messages: OutboxMessage[] = [];
  for (const decision of decisions) {
    switch (decision.kind) {
      case 'page':
        messages.push(...pageMessages(decision, context));
        break;
      case 'record':
        messages.push(factMessage(decision, context));
        break;
      case 'command':
        messages.push(commandMessage(decision, context));
        break;
      case 'notify-managers':
        messages.push(...managerMessages(decision, context));
        break;
      case 'schedule':
        await scheduleTimers(tx, [timerRow(decision.timer, orgId)]);
        break;
      case 'cancel':
        await cancelTimers(tx, decision.timer, [decision.incidentId]);
        break;
      case 'advance-round-robin':
        await storeRoundRobinOffset(tx, decision.policyId, decision.level, decision.offset + 1);
        break;
      case 'complete':
        await cancelTimerGroup(tx, decision.incidentId);
        break;
    }
  }
  await enqueueOutboxMessages(tx, messages);
}

/** The timer kinds the engine asks for; a timer row's payload is the engine's timer as it is. */
export const ESCALATION_TIMER_KINDS = ['StepDue', 'HoldEnded', 'AckTimeoutDue', 'AutoResolveDue'] as const;

function timerRow(timer: EscalationTimer, orgId: string) {
  return {
    kind: timer.type,
    key: timer.incidentId,
    orgId,
    groupKey: timer.incidentId,
    dueAt: new Date(timer.due),
    payload: timer,
  };
}
