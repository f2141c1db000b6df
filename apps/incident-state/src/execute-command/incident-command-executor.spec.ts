import { ExecuteIncidentCommand, MessageContext } from '@oncall/contracts';
import { ConcurrencyError, EventStore } from '@oncall/platform-event-store';
import { RpcError } from '@oncall/platform-messaging';
import { MAX_ATTEMPTS } from './domain-refusal';
import { IncidentCommandExecutor } from './incident-command-executor';
import pino from 'pino';

const silent = pino({ level: 'silent' });

const context: MessageContext = { orgId: 'org-1', correlationId: 'corr-1', causationId: null };
const incidentId = '5f0c7a36-0d5c-4d3e-9a53-9d8e5f1c2b11';

function trigger(title: string): ExecuteIncidentCommand {
  return {
    command: {
      type: 'TriggerIncident',
      data: {
        incidentId,
        orgId: 'org-1',
        serviceId: 'svc-1',
        escalationPolicyId: null,
        title,
        severity: 'high',
        urgency: 'high',
        alert: { alertId: incidentId, dedupKey: 'k', summary: title, severity: 'high' },
      },
      by: { kind: 'integration', integrationId: 'int-1' },
      at: '2027-01-01T10:00:00.000Z',
    },
  };
}

/** A store whose streams are empty and where every append loses the race. */
function racingStore(): EventStore & { appendToStream: jest.Mock } {
  return {
    readStream: jest.fn().mockResolvedValue([]),
    readAll: jest.fn().mockResolvedValue([]),
    appendToStream: jest.fn((streamId: string) => Promise.reject(new ConcurrencyError(streamId, 0))),
  };
}

async function refusal(run: () => Promise<unknown>): Promise<RpcError> {
  const error = await run().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof RpcError)) throw new Error(`expected an RpcError, got ${String(error)}`);
  return error;
}

describe('IncidentCommandExecutor refusals (event store stubbed: empty streams, every append loses)', () => {
  it('answers a domain validation refusal as VALIDATION naming the field in details.errors', async () => {
    const store = racingStore();
    const error = await refusal(() =>
      IncidentCommandExecutor.withoutSnapshots(store, silent).execute(trigger('   '), context),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toEqual({ errors: [{ field: 'title', message: expect.any(String) }] });
    const [{ message }] = (error.details as { errors: { message: string }[] }).errors;
    expect(message).toMatch(/^Invalid title for incident .+: must be non-empty text .+\.$/);
    expect(error.message).toBe(message);
    expect(store.appendToStream).not.toHaveBeenCalled();
  });

  it(`answers CONFLICT with a sentence, not the store's error, when every one of ${MAX_ATTEMPTS} appends loses`, async () => {
    const store = racingStore();
    const error = await refusal(() =>
      IncidentCommandExecutor.withoutSnapshots(store, silent).execute(trigger('Disk full'), context),
    );
    expect([error.code, error.message]).toEqual(['CONFLICT', 'The incident kept changing; try again.']);
    expect(store.appendToStream).toHaveBeenCalledTimes(MAX_ATTEMPTS);
  });
});
