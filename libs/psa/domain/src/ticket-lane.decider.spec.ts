import type { PsaFailure } from './psa.types';
import { afterOutcome, Lane, LaneStep, nextStep } from './ticket-lane.decider';

const ticket = { provider: 'psa', ticketId: '42', url: 'https://psa.example/t/42' };
const note = { id: '7', kind: 'note' as const, attempts: 0 };
const close = { id: '8', kind: 'close' as const, attempts: 2 };
const can = { findByExternalId: true };
const cannot = { findByExternalId: false };
const lane = (link: Partial<Lane['link']>, operation: Lane['operation'] = null): Lane => ({
  link: { state: 'pending', attempts: 0, ticket: null, ...link },
  operation,
});

describe('nextStep', () => {
  it.each<[string, Lane, { findByExternalId: boolean }, LaneStep]>([
    ['a new request: create', lane({}), can, { kind: 'create', lookUpFirst: false }],
    ['after an attempt of unknown outcome: look up first', lane({ attempts: 1 }), can, { kind: 'create', lookUpFirst: true }],
    ['an adapter that cannot look up: create again (its idempotency key is all there is)', lane({ attempts: 3 }), cannot, { kind: 'create', lookUpFirst: false }],
    ['a created ticket with a note to post', lane({ state: 'created', ticket }, note), can, { kind: 'operation', operation: note, ticket }],
    ['a created ticket with nothing to do', lane({ state: 'created', ticket }), can, { kind: 'idle' }],
    ['a pending ticket with notes waiting: create first', lane({}, note), can, { kind: 'create', lookUpFirst: false }],
    ['a ticket the PSA refused: notes wait for a new request', lane({ state: 'failed' }, note), can, { kind: 'idle' }],
  ])('%s', (_, given, capabilities, step) => {
    expect(nextStep(given, capabilities)).toEqual(step);
  }); // prettier-ignore
});

describe('afterOutcome', () => {
  const now = '2027-03-01T02:00:00.000Z';
  const down: PsaFailure = { kind: 'transient', status: 503, message: 'Down' };
  const refused: PsaFailure = { kind: 'permanent', status: 422, message: 'Company ACME not found' };
  const create = { kind: 'create', lookUpFirst: false } as const;
  const postNote = { kind: 'operation', operation: note, ticket } as const;
  const closeIt = { kind: 'operation', operation: close, ticket } as const;
  const at = (attempt: number) => ({ now, attempt, random: 0 });

  it.each([
    ['a created ticket', create, { ok: true, ticket }, 1, { kind: 'ticket-created', ticket, fact: 'TicketCreated' }],
    ['a first outage: retry in a second, and say the ticket is delayed', create, { ok: false, failure: down }, 1, { kind: 'retry', retryAt: '2027-03-01T02:00:01.000Z', failure: down, fact: 'TicketDelayed' }],
    ['a later outage: retry later, quietly', create, { ok: false, failure: down }, 4, { kind: 'retry', retryAt: '2027-03-01T02:00:15.000Z', failure: down, fact: null }],
    ['a refusal: failed, with the PSA’s message', create, { ok: false, failure: refused }, 1, { kind: 'ticket-failed', failure: refused, fact: 'TicketFailed' }],
    ['a note posted', postNote, { ok: true }, 1, { kind: 'operation-done', operation: note, fact: 'NotePosted' }],
    ['a note refused', postNote, { ok: false, failure: refused }, 1, { kind: 'operation-failed', operation: note, failure: refused, fact: 'NoteFailed' }],
    ['a note during an outage', postNote, { ok: false, failure: down }, 1, { kind: 'retry', retryAt: '2027-03-01T02:00:01.000Z', failure: down, fact: null }],
    ['a ticket closed', closeIt, { ok: true }, 3, { kind: 'operation-done', operation: close, fact: 'TicketClosed' }],
    ['a close refused', closeIt, { ok: false, failure: refused }, 3, { kind: 'operation-failed', operation: close, failure: refused, fact: 'TicketCloseFailed' }],
  ] as const)('%s', (_, step, outcome, attempt, decision) => {
    expect(afterOutcome(step, outcome, at(attempt))).toEqual(decision);
  }); // prettier-ignore

  it('refuses a creation that names no ticket', () => {
    expect(() => afterOutcome(create, { ok: true }, at(1))).toThrow();
  });
});
