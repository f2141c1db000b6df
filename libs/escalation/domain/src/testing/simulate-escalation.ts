// Drives the engine the way the escalation service does: decide, fold, keep the timers it asks for, and
// hand each one back when due. Incident events arrive at their `at`; a timer fires exactly at its due.
import { decide } from '../engine/decide';
import type { EscalationContext } from '../engine/escalation.context';
import type { EscalationDecision } from '../engine/escalation.decisions';
import type { EscalationInput, EscalationTimer, IncidentInput, Triggered } from '../engine/escalation.inputs';
import { initialEscalationState, type EscalationState } from '../engine/escalation.state';
import { evolve } from '../engine/evolve';

export interface Simulation {
  readonly state: EscalationState;
  /** Every decision, with the input that led to it. */
  readonly log: readonly { readonly input: EscalationInput; readonly decision: EscalationDecision }[];
  /** Timers still set at the end (empty when nothing more will happen). */
  readonly pendingTimers: readonly EscalationTimer[];
}

const MAX_INPUTS = 10_000;

export function simulateEscalation(
  trigger: Triggered,
  incidentEvents: readonly IncidentInput[],
  context: EscalationContext,
): Simulation {
  let state: EscalationState = initialEscalationState;
  const timers = new Map<string, EscalationTimer>();
  const log: { input: EscalationInput; decision: EscalationDecision }[] = [];
  const events = [...incidentEvents].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  let next: EscalationInput | undefined = trigger;
  for (let count = 0; next !== undefined; count++) {
    if (count > MAX_INPUTS) throw new Error('the escalation never settles');
    const decisions = decide(next, state, context);
    state = decisions.reduce(evolve, state);
    for (const decision of decisions) {
      log.push({ input: next, decision });
      keepTimers(timers, decision);
    }
    next = nextInput(timers, events);
  }
  return { state, log, pendingTimers: [...timers.values()] };
}

function keepTimers(timers: Map<string, EscalationTimer>, decision: EscalationDecision): void {
  if (decision.kind === 'schedule') timers.set(decision.timer.type, decision.timer);
  if (decision.kind === 'cancel') timers.delete(decision.timer);
  if (decision.kind === 'complete') timers.clear();
}

function nextInput(
  timers: Map<string, EscalationTimer>,
  events: IncidentInput[],
): EscalationInput | undefined {
  const timer = [...timers.values()].sort((a, b) => Date.parse(a.due) - Date.parse(b.due))[0];
  const event = events[0];
  if (timer && (!event || Date.parse(timer.due) < Date.parse(event.at))) {
    timers.delete(timer.type);
    return { ...timer, at: timer.due };
  }
  return events.shift();
}
