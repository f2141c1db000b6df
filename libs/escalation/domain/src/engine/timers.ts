import { addSeconds, type Instant } from '../instant';
import type { CancelDecision, ScheduleDecision } from './escalation.decisions';
import type { EscalationTimerType } from './escalation.inputs';
import type { EscalationProcess } from './escalation.state';

/** The timers that may be pending in the process's phase: what to cancel when the phase ends. */
export function pendingTimers(process: EscalationProcess): EscalationTimerType[] {
  switch (process.phase) {
    case 'held':
      return ['HoldEnded'];
    case 'escalating':
      return process.urgency === 'high' ? ['StepDue'] : [];
    case 'acknowledged':
      return process.timeouts.ackTimeoutSeconds === null ? [] : ['AckTimeoutDue'];
    default:
      return [];
  }
}

export function cancelPendingTimers(
  process: EscalationProcess,
  except: EscalationTimerType | null = null,
): CancelDecision[] {
  return pendingTimers(process)
    .filter((timer) => timer !== except)
    .map((timer) => ({ kind: 'cancel', incidentId: process.incidentId, timer }));
}

/** The acknowledgement timeout for an acknowledgement at `acknowledgedAt`, when the service has one. */
export function ackTimeoutFor(process: EscalationProcess, acknowledgedAt: Instant): ScheduleDecision[] {
  const seconds = process.timeouts.ackTimeoutSeconds;
  if (seconds === null) return [];
  const due = addSeconds(acknowledgedAt, seconds);
  return [
    {
      kind: 'schedule',
      timer: { type: 'AckTimeoutDue', incidentId: process.incidentId, due, acknowledgedAt },
    },
  ];
}

/**
 * Auto-resolve counts from the last time the incident was touched: the trigger, then every acknowledgement,
 * hand-back, reassignment or escalation moves it (the timer of a kind is replaced), so an incident people
 * are working on is not resolved under them; only an incident left alone that long resolves itself.
 */
export function autoResolveFrom(
  process: Pick<EscalationProcess, 'incidentId' | 'timeouts'>,
  touchedAt: Instant,
): ScheduleDecision[] {
  const seconds = process.timeouts.autoResolveSeconds;
  if (seconds === null) return [];
  const due = addSeconds(touchedAt, seconds);
  return [{ kind: 'schedule', timer: { type: 'AutoResolveDue', incidentId: process.incidentId, due } }];
}
