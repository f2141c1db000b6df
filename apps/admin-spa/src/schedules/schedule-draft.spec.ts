import {
  bodyOf,
  draftOf,
  draftProblems,
  emptyLayer,
  fromWall,
  overrideCandidates,
  previewShifts,
  type ScheduleDraft,
  toWall,
} from './schedule-draft';
import { mondayOf, weekWindow } from './when';

const ANN = '00000000-0000-4000-8000-00000000000a';
const BOB = '00000000-0000-4000-8000-00000000000b';

function draft(): ScheduleDraft {
  return {
    name: 'Servers',
    description: '',
    timeZone: 'Europe/Amsterdam',
    layers: [
      { ...emptyLayer(0, '2027-03-01T09:00'), participants: [ANN, BOB] },
      {
        ...emptyLayer(1, '2027-03-01T09:00'),
        participants: [BOB],
        restrictions: [{ kind: 'weekly', day: 2, startTime: '12:00', hours: '1.5' }],
      },
    ],
  };
}

describe('schedule drafts', () => {
  it('names each field the way the API does, before sending', () => {
    const incomplete: ScheduleDraft = {
      ...draft(),
      name: ' ',
      layers: [{ ...emptyLayer(0, ''), participants: [''], turnLength: '0' }],
    };
    expect(draftProblems(incomplete)).toEqual({
      name: 'Give the schedule a name.',
      'layers.0.participants': 'Choose who takes turns in this layer.',
      'layers.0.rotation': 'A turn is 1 to 52 weeks.',
      'layers.0.handoffAnchor': 'Choose the date and time of the first handoff.',
    });
    expect(draftProblems(draft())).toEqual({});
  });

  it('sends a new layer starting at its first handoff in the schedule’s zone', () => {
    const body = bodyOf(draft());
    expect(body.layers[1]).toEqual({
      name: 'Layer 2',
      participants: [BOB],
      rotation: { kind: 'weekly', weeks: 1 },
      handoffAnchor: '2027-03-01T09:00',
      start: '2027-03-01T08:00:00.000Z',
      restrictions: [{ kind: 'weekly', startDayOfWeek: 2, startTime: '12:00', durationMinutes: 90 }],
    });
  });

  it('keeps what the editor does not show of a stored layer: its id, zone, start and end', () => {
    const stored = {
      id: 'schedule',
      name: 'Servers',
      description: '',
      timeZone: 'UTC',
      layers: [
        {
          id: '00000000-0000-4000-8000-0000000000c1',
          name: 'Primary',
          timeZone: 'Asia/Tokyo',
          participants: [ANN],
          rotation: { kind: 'daily' as const },
          handoffAnchor: '2027-03-01T09:00',
          start: '2027-01-01T00:00:00.000Z',
          end: '2028-01-01T00:00:00.000Z',
          restrictions: [],
        },
      ],
    } as unknown as Parameters<typeof draftOf>[0];
    const [layer] = bodyOf(draftOf(stored, 'UTC', '')).layers;
    expect(layer).toEqual({
      id: '00000000-0000-4000-8000-0000000000c1',
      name: 'Primary',
      timeZone: 'Asia/Tokyo',
      participants: [ANN],
      rotation: { kind: 'daily', days: 1 },
      handoffAnchor: '2027-03-01T09:00',
      start: '2027-01-01T00:00:00.000Z',
      end: '2028-01-01T00:00:00.000Z',
      restrictions: [],
    });
  });

  it('previews the final schedule with the engine: the later layer wins in its window', () => {
    const shifts = previewShifts(draft(), new Date('2027-03-01T00:00:00Z'), new Date('2027-03-03T00:00:00Z'));
    expect(shifts?.map((shift) => [shift.start, shift.end, shift.userId])).toEqual([
      ['2027-03-01T08:00:00.000Z', '2027-03-02T11:00:00.000Z', ANN],
      ['2027-03-02T11:00:00.000Z', '2027-03-02T12:30:00.000Z', BOB],
      ['2027-03-02T12:30:00.000Z', '2027-03-03T00:00:00.000Z', ANN],
    ]);
    expect(previewShifts({ ...draft(), name: '' }, new Date(0), new Date(1))).toBeNull();
  });

  it('hands FullCalendar wall-clock times of the viewer’s zone and reads selections back as instants', () => {
    expect(toWall('2027-03-28T00:30:00.000Z', 'Europe/Amsterdam')).toBe('2027-03-28T01:30:00');
    expect(toWall('2027-03-28T01:30:00.000Z', 'Europe/Amsterdam')).toBe('2027-03-28T03:30:00');
    expect(fromWall(new Date('2027-03-28T03:30:00Z'), 'Europe/Amsterdam')).toBe('2027-03-28T01:30:00.000Z');
  });

  it('shows weeks from Monday midnight in the viewer’s zone', () => {
    expect(mondayOf(new Date('2027-03-07T23:30:00Z'), 'Europe/Amsterdam')).toBe('2027-03-08');
    expect(mondayOf(new Date('2027-03-07T22:30:00Z'), 'Europe/Amsterdam')).toBe('2027-03-01');
    expect(weekWindow('2027-03-08', 'Europe/Amsterdam')).toEqual({
      from: '2027-03-07T23:00:00.000Z',
      to: '2027-03-14T23:00:00.000Z',
    });
  });

  it('offers a technician only themselves for an override, a manager everyone', () => {
    const people = new Map([
      [BOB, 'Bob'],
      [ANN, 'Ann'],
    ]);
    expect(overrideCandidates(false, { id: BOB, name: 'Bob' }, people)).toEqual([{ id: BOB, name: 'Bob' }]);
    expect(overrideCandidates(true, { id: BOB, name: 'Bob' }, people).map((p) => p.name)).toEqual([
      'Ann',
      'Bob',
    ]);
  });
});
