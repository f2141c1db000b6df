import type { IncidentSummary } from '../api/types';
import { keepNewer, rememberChange, unseenChanges } from './freshness';
import type { IncidentChange } from './incident-events';

const row = (incidentId: string, version: number, status: IncidentSummary['status'] = 'triggered') =>
  ({ incidentId, version, status }) as IncidentSummary;
const change = (
  incidentId: string,
  version: number | null,
  type = 'IncidentAcknowledged',
): IncidentChange => ({
  incidentId,
  type,
  version,
  at: null,
});

describe('read-model freshness', () => {
  it('keeps a newer row the screen already holds (a command’s answer), takes the rest as loaded', () => {
    const merged = keepNewer(
      [row('a', 1), row('b', 3), row('c', 1)],
      [row('a', 2, 'acknowledged'), row('b', 2), row('x', 9)],
    );
    expect(merged).toEqual([row('a', 2, 'acknowledged'), row('b', 3), row('c', 1)]);
  });

  it('finds changes the loaded rows do not show yet', () => {
    const changes = new Map([
      ['a', change('a', 2)],
      ['b', change('b', 3)],
      ['n', change('n', 1, 'IncidentTriggered')],
      ['gone', change('gone', 4, 'IncidentResolved')],
      ['v', change('v', null)],
    ]);
    const items = [row('a', 1), row('b', 3), row('v', 1)];
    expect([...unseenChanges(changes, items, true).keys()]).toEqual(['a', 'n']);
    expect([...unseenChanges(changes, items, false).keys()]).toEqual(['a']);
    expect(unseenChanges(changes, [row('a', 2), row('n', 1)], true).size).toBe(0);
  });

  it('remembers the newest version per incident', () => {
    let changes = rememberChange(new Map(), change('a', 3));
    changes = rememberChange(changes, change('a', 2));
    expect(changes.get('a')?.version).toBe(3);
    changes = rememberChange(changes, change('a', 4));
    expect(changes.get('a')?.version).toBe(4);
  });

  it('keeps waiting for a new incident the list does not show yet when its next changes are announced', () => {
    let changes = rememberChange(new Map(), change('n', 1, 'IncidentTriggered'));
    changes = rememberChange(changes, change('n', 2, 'ActivityRecorded'));
    expect(changes.get('n')).toEqual(change('n', 2, 'IncidentTriggered'));
    expect([...unseenChanges(changes, [], true).keys()]).toEqual(['n']);
    expect([...unseenChanges(changes, [row('n', 1)], true).keys()]).toEqual(['n']);
    expect([...unseenChanges(changes, [row('n', 2)], true).keys()]).toEqual([]);
  });
});
