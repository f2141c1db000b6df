import fc from 'fast-check';
import { snapshotPolicy, type PolicySnapshot } from '../policy-snapshot';
import { contextWith, INCIDENT, t, triggered } from '../testing/escalation.fixtures';
import { simulateEscalation } from '../testing/simulate-escalation';
import type { IncidentInput } from './escalation.inputs';

// A naive model of PagerDuty's walk: a clock ticking every 15 seconds, a countdown per step.
// Acknowledgements come at minute + 15 s and hand-backs at minute + 45 s, so nothing ties with a step.
interface ModelStep {
  readonly delayMinutes: number;
  readonly empty: boolean;
}
interface ModelPolicy {
  readonly steps: readonly ModelStep[];
  readonly repeatCount: number;
}
interface Outcome {
  readonly pages: string[];
  readonly unanswered: number[];
}

const TICKS_PER_MINUTE = 4;

function naiveWalk(policy: ModelPolicy, acknowledgedAt: number | null, handedBackAt: number | null): Outcome {
  const outcome: Outcome = { pages: [], unanswered: [] };
  let walking = false;
  let level = 1;
  let cycle = 1;
  let ticksLeft = 0;
  const fire = (minute: number) => {
    for (;;) {
      if (level > policy.steps.length) [level, cycle] = [1, cycle + 1];
      if (cycle > policy.repeatCount + 1) {
        outcome.unanswered.push(minute);
        walking = false;
        return;
      }
      const step = policy.steps[level - 1];
      if (!step.empty) {
        outcome.pages.push(`${minute}: L${level} C${cycle}`);
        ticksLeft = step.delayMinutes * TICKS_PER_MINUTE;
        walking = true;
        return;
      }
      level++;
    }
  };
  fire(0);
  for (let tick = 1; tick <= 3000 * TICKS_PER_MINUTE; tick++) {
    const minute = tick / TICKS_PER_MINUTE;
    if (minute === acknowledgedAt) walking = false;
    if (minute === handedBackAt) [level, cycle] = [1, 1];
    if (minute === handedBackAt) fire(minute);
    else if (walking && --ticksLeft === 0) {
      level++;
      fire(minute);
    }
  }
  return outcome;
}

const modelPolicy: fc.Arbitrary<ModelPolicy> = fc.record({
  steps: fc.array(fc.record({ delayMinutes: fc.integer({ min: 1, max: 20 }), empty: fc.boolean() }), {
    minLength: 1,
    maxLength: 4,
  }),
  repeatCount: fc.integer({ min: 0, max: 3 }),
});
const timeline = fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }).chain((ack) =>
  fc.record({
    acknowledgedAt: fc.constant(ack === null ? null : ack + 0.25),
    handedBackAt:
      ack === null
        ? fc.constant(null)
        : fc.option(
            fc.integer({ min: ack, max: ack + 100 }).map((m) => m + 0.75),
            { nil: null },
          ),
  }),
);

function snapshotOf(policy: ModelPolicy): PolicySnapshot {
  return snapshotPolicy({
    id: 'ep-model',
    version: 1,
    name: 'Model',
    repeatCount: policy.repeatCount,
    steps: policy.steps.map((step) => ({
      delayMinutes: step.delayMinutes,
      targets: [step.empty ? { type: 'schedule', id: 'weekdays' } : { type: 'user', id: 'alice' }],
    })),
  });
}

function engineWalk(
  policy: ModelPolicy,
  acknowledgedAt: number | null,
  handedBackAt: number | null,
): Outcome {
  const events: IncidentInput[] = [];
  const event = { incidentId: INCIDENT } as const;
  if (acknowledgedAt !== null)
    events.push({ ...event, type: 'Acknowledged', at: t(acknowledgedAt), incidentVersion: 2 });
  if (handedBackAt !== null) {
    events.push({
      ...event,
      type: 'Unacknowledged',
      reason: 'handed-back',
      at: t(handedBackAt),
      incidentVersion: 3,
    });
  }
  const trigger = triggered({
    policy: snapshotOf(policy),
    timeouts: { ackTimeoutSeconds: null, autoResolveSeconds: null },
  });
  const { log, pendingTimers } = simulateEscalation(trigger, events, contextWith());
  const minute = (at: string) => (Date.parse(at) - Date.parse(t(0))) / 60_000;
  const outcome: Outcome = { pages: [], unanswered: [] };
  for (const { decision } of log) {
    if (decision.kind === 'page')
      outcome.pages.push(`${minute(decision.at)}: L${decision.level} C${decision.cycle}`);
    if (decision.kind === 'record' && decision.fact.type === 'EscalationUnanswered') {
      outcome.unanswered.push(minute(decision.fact.at));
    }
  }
  expect(pendingTimers).toEqual([]);
  return outcome;
}

describe('the engine against a naive clock-ticking walk', () => {
  it('pages at the same instants, steps and cycles, and is unanswered at the same instant', () => {
    fc.assert(
      fc.property(modelPolicy, timeline, (policy, { acknowledgedAt, handedBackAt }) => {
        expect(engineWalk(policy, acknowledgedAt, handedBackAt)).toEqual(
          naiveWalk(policy, acknowledgedAt, handedBackAt),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('3 steps of 5, 10 and 15 minutes, repeated once: pages at 0, 5, 15, 30, 35, 45; unanswered at 60', () => {
    const policy = {
      steps: [5, 10, 15].map((delayMinutes) => ({ delayMinutes, empty: false })),
      repeatCount: 1,
    };
    const pages = ['0: L1 C1', '5: L2 C1', '15: L3 C1', '30: L1 C2', '35: L2 C2', '45: L3 C2'];
    expect(engineWalk(policy, null, null)).toEqual({ pages, unanswered: [60] });
    expect(naiveWalk(policy, null, null)).toEqual({ pages, unanswered: [60] });
    expect(engineWalk(policy, 7.25, null)).toEqual({ pages: pages.slice(0, 2), unanswered: [] });
  });
});
