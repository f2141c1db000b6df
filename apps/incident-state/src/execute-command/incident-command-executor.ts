import { Inject, Injectable } from '@nestjs/common';
import { ExecuteIncidentCommand, IncidentCommandResult, MessageContext } from '@oncall/contracts';
import {
  decide,
  evolve,
  foldIncident,
  IncidentEvent,
  IncidentState,
  isIncidentDomainError,
} from '@oncall/incident-domain';
import { ConcurrencyError, EventStore, StoredEvent } from '@oncall/platform-event-store';
import { RpcError } from '@oncall/platform-messaging';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE } from '../event-store/event-store.provider';
import { incidentStreamId } from '../event-store/incident-streams';
import { keptChanging, MAX_ATTEMPTS, refusalOf } from './domain-refusal';
import { toIncidentSummary } from './incident-summary';

/**
 * read → fold → decide → append with the expected version. When another writer got in first, the command
 * is decided again on the new state: a second acknowledge then decides nothing and simply returns the
 * acknowledged incident. A caller that sent `expectedVersion` gets CONFLICT only if its command would
 * change an incident that moved since it looked.
 */
@Injectable()
export class IncidentCommandExecutor {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(request: ExecuteIncidentCommand, context: MessageContext): Promise<IncidentCommandResult> {
    const { command } = request;
    if (command.data.orgId !== context.orgId) {
      throw new RpcError('FORBIDDEN', 'A command may only act on the organization it is sent for.');
    }
    const streamId = incidentStreamId(command.data.incidentId);
    for (let attempt = 1; ; attempt++) {
      const history = await this.store.readStream(streamId);
      const state = foldIncident(history.map(asIncidentEvent));
      const events = this.decide(request, state, history.length);
      if (events.length === 0) return this.result(state, history, [], command.at);
      try {
        await this.store.appendToStream(
          streamId,
          events.map((event) => ({ ...event, eventId: randomUUID() })),
          { expectedVersion: history.length, metadata: { ...context, occurredAt: command.at } },
        );
        const next = events.reduce(evolve, state);
        return this.result(next, history, events, command.at);
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        if (attempt >= MAX_ATTEMPTS) throw keptChanging();
      }
    }
  }

  /** The incident as its stream tells it now (status 'none' when it does not exist). */
  async load(incidentId: string): Promise<IncidentState> {
    return foldIncident((await this.store.readStream(incidentStreamId(incidentId))).map(asIncidentEvent));
  }

  private decide(request: ExecuteIncidentCommand, state: IncidentState, version: number): IncidentEvent[] {
    try {
      const events = decide(request.command, state);
      if (events.length > 0 && request.expectedVersion !== undefined && request.expectedVersion !== version) {
        throw new RpcError(
          'CONFLICT',
          `Incident ${request.command.data.incidentId} changed since version ${request.expectedVersion} ` +
            `(now ${version}); reload it and try again.`,
          { currentVersion: version },
        );
      }
      return events;
    } catch (error) {
      if (isIncidentDomainError(error)) throw refusalOf(error);
      throw error;
    }
  }

  private result(
    state: IncidentState,
    history: StoredEvent[],
    appended: IncidentEvent[],
    at: string,
  ): IncidentCommandResult {
    if (state.status === 'none') throw new Error('A decided command always leaves an existing incident');
    const version = history.length + appended.length;
    const updatedAt = appended.length > 0 ? at : (history[history.length - 1]?.metadata.occurredAt ?? at);
    return {
      incident: toIncidentSummary(state, version, updatedAt),
      appended: appended.map((event) => event.type),
    };
  }
}

export function asIncidentEvent(stored: StoredEvent): IncidentEvent {
  return { type: stored.type, schemaVersion: stored.schemaVersion, data: stored.data } as IncidentEvent;
}
