import { type WindowDraft, windowBodyOf } from './window-draft';

const draft: WindowDraft = {
  name: ' Patch night ',
  scope: 'service:s-1',
  kind: 'one-off',
  startsAt: '2027-01-05T22:00',
  endsAt: '2027-01-06T02:00',
  timeZone: 'Europe/Amsterdam',
  days: [],
  start: '22:00',
  end: '02:00',
};
const utc = (local: string) => (local ? `${local}:00.000Z` : null);

describe('windowBodyOf', () => {
  it('builds a one-off window of a service', () => {
    expect(windowBodyOf(draft, utc)).toEqual({
      body: {
        name: 'Patch night',
        window: {
          scope: { serviceId: 's-1' },
          kind: 'one-off',
          startsAt: '2027-01-05T22:00:00.000Z',
          endsAt: '2027-01-06T02:00:00.000Z',
        },
      },
    });
  });

  it('builds a weekly window of a client, days in order', () => {
    expect(windowBodyOf({ ...draft, scope: 'client:c-1', kind: 'weekly', days: [4, 2] }, utc)).toEqual({
      body: {
        name: 'Patch night',
        window: {
          scope: { clientId: 'c-1' },
          kind: 'weekly',
          timeZone: 'Europe/Amsterdam',
          days: [2, 4],
          start: '22:00',
          end: '02:00',
        },
      },
    });
  });

  it.each<[string, Partial<WindowDraft>, string[]]>([
    ['no name, no scope', { name: ' ', scope: '' }, ['name', 'window.scope']],
    ['an end before the start', { endsAt: '2027-01-05T21:00' }, ['window.endsAt']],
    ['no start', { startsAt: '' }, ['window.startsAt']],
    ['a weekly window without days', { kind: 'weekly' }, ['window.days']],
    ['a weekly window ending when it starts', { kind: 'weekly', days: [1], end: '22:00' }, ['window.end']],
  ])('refuses %s before sending', (_, change, fields) => {
    const result = windowBodyOf({ ...draft, ...change }, utc);
    expect('problems' in result ? Object.keys(result.problems) : []).toEqual(fields);
  });
});
