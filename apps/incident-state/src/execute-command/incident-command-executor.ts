import { Inject, Injectable } from '@nestjs/common';
import {
  ExecuteIncidentCommand,
  IncidentCommandResult,
  MessageContext,
  RpcErrorCodes,
  RpcReply,
} from '@oncall/contracts';
import { decide, evolve, IncidentEvent, IncidentState, isIncidentDomainError } from '@oncall/incident-domain';
import { ConcurrencyError, EventStore } from '@oncall/platform-event-store';
import { RpcError } from '@oncall/platform-messaging';
import { isPermanentDataError, isUniqueViolation, sqlStateOf } from '@oncall/platform-persistence';
import { createHash, randomUUID } from 'node:crypto';
import { Logger } from 'pino';
import { EVENT_STORE } from '../event-store/event-store.provider';
import { incidentStreamId } from '../event-store/incident-streams';
import { keptChanging, MAX_ATTEMPTS, refusalOf } from './domain-refusal';
import { LoadedIncident, noSnapshots } from './incident-snapshots';
import { incidentCommandFromWire } from './incident-command.wire';
import { IncidentStateLoader } from './incident-state-loader';
import { toIncidentSummary } from '../incident-view/incident-summary';

/** One command of a batch, with the context of what caused it. */
export interface BatchItem {
  request: ExecuteIncidentCommand;
  context: MessageContext;
}

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
    // First try from what this process already knows (no read): the append's expected version checks it.
    let guessed = this.loader.guess(streamId, command.type === 'TriggerIncident');
    for (let attempt = 1; ; attempt++) {
      const loaded = guessed ?? (await this.loader.load(streamId));
      const events = this.decideOn(request, loaded, guessed !== undefined);
      // Refusals and no-ops are answered only from state read from the store, never from a guess.
      if (events === 'verify') {
        guessed = undefined;
        continue;
      }
      if (events.length === 0) return this.result(loaded, [], command.at);
      try {
        await this.store.appendToStream(
          streamId,
          events.map((event) => ({ ...event, eventId: eventIdOf(event) })),
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
        // A fact reported twice: its event id (the source's) is already in the store.
        if (isUniqueViolation(error, 'events_event_id_key'))
          return this.result(await this.loader.load(streamId), [], command.at);
        if (!(error instanceof ConcurrencyError)) throw error;
        if (guessed === undefined && attempt >= MAX_ATTEMPTS) throw keptChanging();
        guessed = undefined;
      }
    }
  }

  /**
   * The correlator's TriggerIncident and RecordAlertRepeats commands of many incidents at once (ADR 0159,
   * 0229): each decided on what this process knows (an incident it never saw is presumed new by a trigger,
   * as `execute` presumes; a repeat of one it does not know goes alone), all appended in ONE statement.
   * Whatever that cannot settle (a guess refuted, a refusal, another command type, the statement failing) is
   * executed on its own by `execute`, so every answer is the one the command would have had alone.
   * Commands on one incident keep their order; different incidents run concurrently.
   */
  async executeBatch(items: readonly BatchItem[]): Promise<RpcReply<IncidentCommandResult>[]> {
    const answers: (RpcReply<IncidentCommandResult> | undefined)[] = items.map(() => undefined);
    const batched: { index: number; streamId: string; loaded: LoadedIncident; events: IncidentEvent[] }[] =
      [];
    // Only an incident's first command may join the transaction; any later one runs after it, alone.
    const seen = new Set<string>();
    items.forEach(({ request, context }, index) => {
      const { command } = request;
      const streamId = incidentStreamId(command.data.incidentId);
      const first = !seen.has(streamId);
      seen.add(streamId);
      const batchable = command.type === 'TriggerIncident' || command.type === 'RecordAlertRepeats';
      if (!first || !batchable || command.data.orgId !== context.orgId) return;
      const guessed = this.loader.guess(streamId, command.type === 'TriggerIncident');
      const events = guessed && this.decideOn(request, guessed, true);
      if (!guessed || !events || events === 'verify') return;
      batched.push({ index, streamId, loaded: guessed, events });
    });
    if (batched.length > 0 && this.store.appendToStreams) {
      const outcomes = await this.store
        .appendToStreams(
          batched.map(({ index, streamId, loaded, events }) => ({
            streamId,
            events: events.map((event) => ({ ...event, eventId: eventIdOf(event) })),
            options: {
              expectedVersion: loaded.version,
              metadata: { ...items[index].context, occurredAt: items[index].request.command.at },
            },
          })),
        )
        // Rolled back as a whole: each command goes on its own below, and the one at fault fails alone.
        .catch(() => []);
      for (const [position, outcome] of outcomes.entries()) {
        if (outcome instanceof ConcurrencyError) continue;
        const { index, streamId, loaded, events } = batched[position];
        const { at } = items[index].request.command;
        const next: LoadedIncident = {
          state: events.reduce(evolve, loaded.state),
          version: loaded.version + events.length,
          lastOccurredAt: at,
        };
        await this.loader.appended(streamId, next);
        answers[index] = { ok: true, data: this.result(next, events, at) };
      }
    }
    const alone = new Map<string, Promise<void>>();
    items.forEach((item, index) => {
      if (answers[index]) return;
      const streamId = incidentStreamId(item.request.command.data.incidentId);
      const previous = alone.get(streamId) ?? Promise.resolve();
      alone.set(
        streamId,
        previous.then(async () => {
          answers[index] = await this.answerAlone(item);
        }),
      );
    });
    await Promise.all(alone.values());
    return answers as RpcReply<IncidentCommandResult>[];
  }

  /** A refusal is this command's answer; anything else (the database down) fails the whole request. */
  private async answerAlone(item: BatchItem): Promise<RpcReply<IncidentCommandResult>> {
    try {
      return { ok: true, data: await this.execute(item.request, item.context) };
    } catch (error) {
      if (error instanceof RpcError) return { ok: false, error: error.toBody() };
      if (isPermanentDataError(error)) {
        return {
          ok: false,
          error: {
            code: RpcErrorCodes.dataRefused,
            message: `The command holds data that cannot be stored (SQLSTATE ${sqlStateOf(error)}).`,
          },
        };
      }
      throw error;
    }
  }

  /** Events to append; 'verify' when a guessed state refused or changed nothing (decide again on the store's). */
  private decideOn(
    request: ExecuteIncidentCommand,
    loaded: LoadedIncident,
    guessed: boolean,
  ): IncidentEvent[] | 'verify' {
    try {
      const events = this.decide(request, loaded.state, loaded.version);
      return guessed && events.length === 0 ? 'verify' : events;
    } catch (error) {
      if (guessed) return 'verify';
      throw error;
    }
  }

  /** The incident as its stream tells it now (status 'none' when it does not exist). */
  async load(incidentId: string): Promise<IncidentState> {
    return (await this.loader.load(incidentStreamId(incidentId))).state;
  }

  private decide(request: ExecuteIncidentCommand, state: IncidentState, version: number): IncidentEvent[] {
    try {
      const events = decide(incidentCommandFromWire(request.command), state);
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

/**
 * A fact reported by another context keeps the source event's id (as a UUID), so recording it twice
 * collides in the store instead of appearing twice on the timeline; every other event gets a fresh id.
 */
function eventIdOf(event: IncidentEvent): string {
  if (event.type !== 'ActivityRecorded') return randomUUID();
  const { activityId } = event.data;
  if (UUID.test(activityId)) return activityId.toLowerCase();
  const hex = createHash('sha256').update(`activity:${activityId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
