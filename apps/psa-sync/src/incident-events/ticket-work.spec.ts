import { MessageEnvelope } from '@oncall/contracts';
import { IncidentEventData, ticketWorkOf, WorkContext } from './ticket-work';

const at = '2027-03-01T02:00:00.000Z';
const person = { kind: 'user', userId: 'u-1' };
const envelope = (
  type: string,
  data: Partial<IncidentEventData>,
): MessageEnvelope<string, IncidentEventData> => ({
  type,
  data: { incidentId: 'inc-1', at, ...data },
  metadata: {
    eventId: 'ev-1',
    orgId: 'o',
    correlationId: 'c',
    causationId: null,
    occurredAt: at,
    schemaVersion: 1,
  },
});
const on = (mode: WorkContext['mode']): WorkContext => ({ configured: true, opensTickets: true, mode });
const triggered = envelope('IncidentTriggered', {
  serviceId: 's-1',
  title: 'Disk full',
  severity: 'critical',
  alert: { summary: 'C: 99%', context: { source: 'rmm', device: 'FS01' } },
});
const copy = {
  kind: 'copy',
  facts: { serviceId: 's-1', title: 'Disk full', severity: 'critical', triggeredAt: at },
  alert: { summary: 'C: 99%', source: 'rmm', device: 'FS01' },
};
const acknowledged = envelope('IncidentAcknowledged', { by: person });
const note = envelope('NoteAdded', { by: person, noteId: 'n-1', text: 'Rebooted' });
const resolved = envelope('IncidentResolved', { by: person, reason: 'manual', mergedInto: null });
const resolution = { kind: 'resolution', reason: 'manual', by: 'u-1', at, mergedInto: null };

describe('ticketWorkOf', () => {
  it.each([
    ['a trigger on an on-trigger service: copy and reserve', triggered, on('on-trigger'), [copy, { kind: 'reserve', reason: 'trigger' }]],
    ['a trigger on an on-acknowledge service: copy only', triggered, on('on-acknowledge'), [copy]],
    ['an acknowledgement on an on-acknowledge service: reserve', acknowledged, on('on-acknowledge'), [{ kind: 'acknowledged', at, by: 'u-1' }, { kind: 'reserve', reason: 'acknowledge' }]],
    ['an acknowledgement on a never service: nothing to reserve', acknowledged, on('never'), [{ kind: 'acknowledged', at, by: 'u-1' }]],
    ['an acknowledgement older than the PSA connection: nothing to reserve', acknowledged, { ...on('on-acknowledge'), opensTickets: false }, [{ kind: 'acknowledged', at, by: 'u-1' }]],
    ['a note, whatever the mode', note, on('never'), [{ kind: 'operation', operation: { sourceId: 'ev-1:note', kind: 'note', payload: { kind: 'note', noteId: 'n-1', text: 'Rebooted', by: 'u-1', at } } }]],
    ['a resolution: its note, then closing', resolved, on('on-acknowledge'), [
      { kind: 'operation', operation: { sourceId: 'ev-1:resolution-note', kind: 'resolution-note', payload: resolution } },
      { kind: 'operation', operation: { sourceId: 'ev-1:close', kind: 'close', payload: resolution } },
    ]],
    ['a note with no PSA configured: nothing', note, { configured: false, opensTickets: false, mode: 'on-acknowledge' }, []],
    ['a trigger with no PSA configured: the copy all the same', triggered, { configured: false, opensTickets: false, mode: 'on-trigger' }, [copy]],
    ['an event that does not concern tickets', envelope('AlertRepeated', {}), on('on-trigger'), []],
  ] as const)('%s', (_, event, context, work) => {
    expect(ticketWorkOf(event, context)).toEqual(work);
  }); // prettier-ignore
});
