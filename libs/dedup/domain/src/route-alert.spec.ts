import { AlertRouting, OpenAlert, RoutableAlert, routeAlert } from './route-alert';

const open: OpenAlert = { incidentId: 'inc-1', openedByAlertId: 'alert-1' };
const alert = (alertId: string, action: RoutableAlert['action']): RoutableAlert => ({ alertId, action });
const to = (kind: Exclude<AlertRouting['kind'], 'drop'>, incidentId: string): AlertRouting =>
  ({ kind, incidentId }) as AlertRouting;

describe('routeAlert', () => {
  it.each<[string, RoutableAlert, OpenAlert | null, AlertRouting]>([
    [
      'a first trigger opens an incident named after the alert',
      alert('a-9', 'trigger'),
      null,
      to('open-incident', 'a-9'),
    ],
    [
      'a trigger on an open key is appended',
      alert('a-2', 'trigger'),
      open,
      to('append-to-incident', 'inc-1'),
    ],
    [
      'the opening alert redelivered opens the same incident again (idempotent)',
      alert('alert-1', 'trigger'),
      open,
      to('open-incident', 'inc-1'),
    ],
    [
      'acknowledge acts on the open incident',
      alert('a-3', 'acknowledge'),
      open,
      to('acknowledge-incident', 'inc-1'),
    ],
    ['resolve acts on the open incident', alert('a-4', 'resolve'), open, to('resolve-incident', 'inc-1')],
    [
      'acknowledge with nothing open is dropped',
      alert('a-5', 'acknowledge'),
      null,
      { kind: 'drop', reason: 'acknowledge for a key with no open alert' },
    ],
    [
      'resolve with nothing open is dropped',
      alert('a-6', 'resolve'),
      null,
      { kind: 'drop', reason: 'resolve for a key with no open alert' },
    ],
  ])('%s', (_, alert, openAlert, expected) => {
    expect(routeAlert(alert, openAlert)).toEqual(expected);
  });
});
