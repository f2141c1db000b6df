import { AlertRouting, OpenAlert, RoutableAlert, routeAlert } from './route-alert';

const open: OpenAlert = { incidentId: 'inc-1', openedByAlertId: 'alert-1' };

describe('routeAlert', () => {
  it.each<[string, RoutableAlert, OpenAlert | null, AlertRouting]>([
    [
      'a first trigger opens an incident named after the alert',
      { alertId: 'a-9', action: 'trigger' },
      null,
      { kind: 'open-incident', incidentId: 'a-9' },
    ],
    [
      'a trigger on an open key is appended',
      { alertId: 'a-2', action: 'trigger' },
      open,
      { kind: 'append-to-incident', incidentId: 'inc-1' },
    ],
    [
      'the opening alert redelivered opens the same incident again (idempotent)',
      { alertId: 'alert-1', action: 'trigger' },
      open,
      { kind: 'open-incident', incidentId: 'inc-1' },
    ],
    [
      'acknowledge acts on the open incident',
      { alertId: 'a-3', action: 'acknowledge' },
      open,
      { kind: 'acknowledge-incident', incidentId: 'inc-1' },
    ],
    [
      'resolve acts on the open incident',
      { alertId: 'a-4', action: 'resolve' },
      open,
      { kind: 'resolve-incident', incidentId: 'inc-1' },
    ],
    [
      'acknowledge with nothing open is dropped',
      { alertId: 'a-5', action: 'acknowledge' },
      null,
      { kind: 'drop', reason: 'acknowledge for a key with no open alert' },
    ],
    [
      'resolve with nothing open is dropped',
      { alertId: 'a-6', action: 'resolve' },
      null,
      { kind: 'drop', reason: 'resolve for a key with no open alert' },
    ],
  ])('%s', (_, alert, openAlert, expected) => {
    expect(routeAlert(alert, openAlert)).toEqual(expected);
  });
});
