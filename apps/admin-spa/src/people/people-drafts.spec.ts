import { checkRulesDraft, contactMethodProblems, personProblems, teamProblems } from './people-drafts';

describe('contact method draft', () => {
  it.each([
    ['email', 'tech@example.com', {}],
    ['email', '', { address: 'Enter an email address such as tech@example.com.' }],
    ['email', 'tech.example.com', { address: 'Enter an email address such as tech@example.com.' }],
    ['sms', '+1 415 555 0123', {}],
    ['phone', '0415', { address: 'Enter an international number such as +14155550123.' }],
    ['slack', 'hooks.slack.com', { address: expect.stringContaining('Slack incoming-webhook URL') }],
    ['push', 'device-token', {}],
  ] as const)('%s %j gives %j', (type, address, problems) => {
    expect(contactMethodProblems(type, address)).toEqual(problems);
  });
});

describe('notification rules draft', () => {
  const step = (contactMethodId: string, delayMinutes: string) => ({ contactMethodId, delayMinutes });

  it('sends whole minutes per urgency', () => {
    expect(checkRulesDraft({ high: [step('m1', '0'), step('m2', '5')], low: [step('m1', '0')] })).toEqual({
      ok: true,
      rules: {
        high: [
          { contactMethodId: 'm1', delayMinutes: 0 },
          { contactMethodId: 'm2', delayMinutes: 5 },
        ],
        low: [{ contactMethodId: 'm1', delayMinutes: 0 }],
      },
    });
  });

  it('names every field at fault the way the API does', () => {
    expect(checkRulesDraft({ high: [step('', '1.5'), step('m1', '1441')], low: [] })).toEqual({
      ok: false,
      problems: {
        'high.0.contactMethodId': 'Choose a contact method.',
        'high.0.delayMinutes': 'Enter whole minutes from 0 to 1440.',
        'high.1.delayMinutes': 'Enter whole minutes from 0 to 1440.',
        low: 'Keep at least one step: you are paged one way or another.',
      },
    });
  });
});

describe('team draft', () => {
  it('needs a name', () => {
    expect(teamProblems({ name: '  ', memberIds: [] })).toEqual({ name: 'Give the team a name.' });
    expect(teamProblems({ name: 'Servers', memberIds: ['u1'] })).toEqual({});
  });
});

describe('new person draft', () => {
  it('needs a name and an email address', () => {
    expect(personProblems({ name: '', email: 'riley' })).toEqual({
      name: 'Give their name.',
      email: 'Enter the email address they sign in to Hub with.',
    });
    expect(personProblems({ name: 'Riley', email: 'riley@example.test' })).toEqual({});
  });
});
