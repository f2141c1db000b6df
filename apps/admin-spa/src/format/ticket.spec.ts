import { missingTicketText, ticketName } from './ticket';

const on = { configured: true, provider: 'psa', capabilities: null };
const requested = (state: 'pending' | 'created' | 'failed', message?: string) => ({
  state,
  ticket: null,
  failure: message ? { kind: 'permanent' as const, status: 422, message } : null,
  requestedAt: '2027-03-01T02:00:00.000Z',
});

describe('ticket texts', () => {
  it('names a ticket by its PSA and id', () => {
    expect(ticketName({ provider: 'psa', ticketId: '4711', url: null })).toBe('psa #4711');
  });

  it.each([
    ['no PSA', { configured: false, provider: null, capabilities: null }, null, 'PSA tickets are off (no PSA is configured)'],
    ['a PSA, nothing asked yet (the button says it)', on, null, null],
    ['not known yet whether there is a PSA', null, null, null],
    ['a request on its way', on, requested('pending'), 'Ticket requested: it appears here once the PSA has made it'],
    ['a refusal', on, requested('failed', 'Company ACME not found'), 'The PSA refused the ticket: Company ACME not found'],
  ] as const)('says, for %s: %s', (_, status, request, text) => {
    expect(missingTicketText(status, request)).toBe(text);
  }); // prettier-ignore
});
