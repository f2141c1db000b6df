import { draftOf, durationText, settingsOf, urgencyRuleText } from './settings-draft';

const constant = {
  urgencyRule: { kind: 'constant' as const, urgency: 'high' as const },
  ackTimeoutSeconds: null,
  autoResolveSeconds: 7200,
};

describe('service settings', () => {
  it('round-trips what the API holds through the form', () => {
    expect(settingsOf(draftOf(constant, 'UTC'))).toEqual({ body: constant });
  });

  it('builds support hours with days in order and the timeouts in seconds', () => {
    const draft = {
      ...draftOf(constant, 'Europe/Amsterdam'),
      kind: 'support-hours' as const,
      days: [5, 1],
      ackTimeoutMinutes: '30',
      autoResolveHours: '',
    };
    expect(settingsOf(draft)).toEqual({
      body: {
        urgencyRule: {
          kind: 'support-hours',
          timeZone: 'Europe/Amsterdam',
          days: [1, 5],
          start: '08:00',
          end: '18:00',
          during: 'high',
          outside: 'low',
        },
        ackTimeoutSeconds: 1800,
        autoResolveSeconds: null,
      },
    });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a timeout under a minute', { ackTimeoutMinutes: '0.5' }, ['ackTimeoutSeconds']],
    ['a timeout over a day', { ackTimeoutMinutes: '1441' }, ['ackTimeoutSeconds']],
    ['auto-resolve of no number', { autoResolveHours: 'soon' }, ['autoResolveSeconds']],
    [
      'support hours without days or times',
      { kind: 'support-hours', days: [], start: '8', end: '25:00' },
      ['urgencyRule.days', 'urgencyRule.start', 'urgencyRule.end'],
    ],
  ])('refuses %s before sending', (_, change, fields) => {
    const result = settingsOf({ ...draftOf(constant, 'UTC'), ...change });
    expect('problems' in result ? Object.keys(result.problems) : []).toEqual(fields);
  });

  it('says the rule and durations in words', () => {
    expect(
      urgencyRuleText({
        kind: 'support-hours',
        timeZone: 'UTC',
        days: [1, 2],
        start: '08:00',
        end: '18:00',
        during: 'high',
        outside: 'low',
      }),
    ).toBe('Mon, Tue 08:00–18:00 (UTC): high urgency, otherwise low');
    expect([durationText(null), durationText(1800), durationText(3600), durationText(7200)]).toEqual([
      'never',
      '30 minutes',
      '1 hour',
      '2 hours',
    ]);
  });
});
