import { Inject, Injectable } from '@nestjs/common';
import { ExecuteIncidentCommand, IncidentCommandResult, MessageContext } from '@oncall/contracts';
import { decide, evolve, IncidentEvent, IncidentState, isIncidentDomainError } from '@oncall/incident-domain';
import { ConcurrencyError, EventStore } from '@oncall/platform-event-store';
import { RpcError } from '@oncall/platform-messaging';
import { randomUUID } from 'node:crypto';
import { Logger } from 'pino';
import { EVENT_STORE } from '../event-store/event-store.provider';
import { incidentStreamId } from '../event-store/incident-streams';
import { keptChanging, MAX_ATTEMPTS, refusalOf } from './domain-refusal';
import { LoadedIncident, noSnapshots } from './incident-snapshots';
import { IncidentStateLoader } from './incident-state-loader';
import { toIncidentSummary } from './incident-summary';

/**
 * read → fold → decide → append with the expected version. Reading is bounded (cached or snapshot state plus
 * the events after it), so a command costs the same on an incident with 100,000 repeats as on a fresh one.
 * When another writer got in first, the command is decided again on the new state: a second acknowledge then
 * decides nothing and simply returns the acknowledged incident. A caller that sent `expectedVersion` gets
 * CONFLICT only if its command would change an incident that moved since it looked.
 */
@Injectable()
export class IncidentCommandExecutor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly loader: IncidentStateLoader,
  ) {}

  /** An executor folding from the events on every command (tools, benchmarks, unit tests). */
  static withoutSnapshots(store: EventStore, logger: Logger): IncidentCommandExecutor {
    return new IncidentCommandExecutor(store, new IncidentStateLoader(store, noSnapshots, logger));
  }

  async execute(request: ExecuteIncidentCommand, context: MessageContext): Promise<IncidentCommandResult> {
    const { command } = request;
    if (command.data.orgId !== context.orgId) {
      throw new RpcError('FORBIDDEN', 'A command may only act on the organization it is sent for.');
    }
    const streamId = incidentStreamId(command.data.incidentId);
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.loader.load(streamId);
      const events = this.decide(request, loaded.state, loaded.version);
      if (events.length === 0) return this.result(loaded, [], command.at);
      try {
        await this.store.appendToStream(
          streamId,
          events.map((event) => ({ ...event, eventId: randomUUID() })),
          { expectedVersion: loaded.version, metadata: { ...context, occurredAt: command.at } },
        );
        const next: LoadedIncident = {
          state: events.reduce(evolve, loaded.state),
          version: loaded.version + events.length,
          lastOccurredAt: command.at,
        };
        await this.loader.appended(streamId, next);
        return this.result(next, events, command.at);
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        if (attempt >= MAX_ATTEMPTS) throw keptChanging();
      }
    }
  }

  /** The incident as its stream tells it now (status 'none' when it does not exist). */
  async load(incidentId: string): Promise<IncidentState> {
    return (await this.loader.load(incidentStreamId(incidentId))).state;
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

  private result(incident: LoadedIncident, appended: IncidentEvent[], at: string): IncidentCommandResult {
    if (incident.state.status === 'none') {
      throw new Error('A decided command always leaves an existing incident');
    }
    const updatedAt = appended.length > 0 ? at : (incident.lastOccurredAt ?? at);
    return {
      incident: toIncidentSummary(incident.state, incident.version, updatedAt),
      appended: appended.map((event) => event.type),
    };
  }
}
