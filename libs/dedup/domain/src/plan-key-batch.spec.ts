import { MAX_REPEATS_PER_STEP, nextKeyBatchStep } from './plan-key-batch';
import { OpenAlert, RoutableAlert } from './route-alert';

const trigger = (alertId: string): RoutableAlert => ({ alertId, action: 'trigger' });
const resolve = (alertId: string): RoutableAlert => ({ alertId, action: 'resolve' });
const acknowledge = (alertId: string): RoutableAlert => ({ alertId, action: 'acknowledge' });
const recorded = (alertId: string): RoutableAlert => ({ alertId, action: 'trigger', disposition: 'record' });
const open: OpenAlert = { incidentId: 'inc-1', openedByAlertId: 'a-1' };

/** Plays a run of alerts the way the correlator does, with an index that opens and closes like the real one. */
function play(alerts: RoutableAlert[], start: OpenAlert | null) {
  const steps: string[] = [];
  let current = start;
  for (let i = 0; i < alerts.length;) {
    const step = nextKeyBatchStep(alerts.slice(i), current);
    steps.push(`${step.kind}:${step.count}`);
    if (step.kind === 'open-incident')
      current = { incidentId: step.incidentId, openedByAlertId: alerts[i].alertId };
    if (step.kind === 'resolve-incident') current = null;
    i += step.count;
  }
  return steps;
}

describe('nextKeyBatchStep', () => {
  it.each<[string, RoutableAlert[], OpenAlert | null, string[]]>([
    [
      'a storm on a new key opens once, then counts the rest in one step',
      [trigger('a-1'), trigger('a-2'), trigger('a-3')],
      null,
      ['open-incident:1', 'record-repeats:2'],
    ],
    ['repeats of an open key are one step', [trigger('a-7'), trigger('a-8')], open, ['record-repeats:2']],
    [
      'a resolve splits the run; the trigger after it opens a new incident',
      [trigger('a-2'), resolve('a-3'), trigger('a-4'), trigger('a-5')],
      open,
      ['record-repeats:1', 'resolve-incident:1', 'open-incident:1', 'record-repeats:1'],
    ],
    [
      'an acknowledge in the middle is its own step',
      [trigger('a-2'), acknowledge('a-3'), trigger('a-4')],
      open,
      ['record-repeats:1', 'acknowledge-incident:1', 'record-repeats:1'],
    ],
    [
      'the opening alert redelivered opens the same incident again',
      [trigger('a-1'), trigger('a-2')],
      open,
      ['open-incident:1', 'record-repeats:1'],
    ],
    [
      'resolve and acknowledge with nothing open are dropped',
      [resolve('a-3'), acknowledge('a-4')],
      null,
      ['drop:1', 'drop:1'],
    ],
    [
      'recorded triggers are one step that opens nothing',
      [recorded('a-1'), recorded('a-2'), trigger('a-3')],
      null,
      ['record-alerts:2', 'open-incident:1'],
    ],
    [
      'a recorded trigger on an open key changes nothing of it and splits the repeats',
      [trigger('a-2'), recorded('a-3'), trigger('a-4'), resolve('a-5')],
      open,
      ['record-repeats:1', 'record-alerts:1', 'record-repeats:1', 'resolve-incident:1'],
    ],
  ])('%s', (_, alerts, start, steps) => {
    expect(play(alerts, start)).toEqual(steps);
  });

  it(`caps a step at ${MAX_REPEATS_PER_STEP} repeats`, () => {
    const storm = Array.from({ length: 12_500 }, (_, i) => trigger(`r-${i}`));
    expect(play(storm, open)).toEqual(['record-repeats:5000', 'record-repeats:5000', 'record-repeats:2500']);
  });
});
