import { evolve } from '@oncall/incident-domain';
import { EventStore, StoredEvent } from '@oncall/platform-event-store';
import { LRUCache } from 'lru-cache';
import { Logger } from 'pino';
import { asIncidentEvent } from '../event-store/incident-streams';
import { LoadedIncident, NO_INCIDENT, SnapshotStore } from './incident-snapshots';

interface Known extends LoadedIncident {
  snapshotVersion: number;
}

/** Events between persisted snapshots; a cold load folds at most about this many. */
export const SNAPSHOT_EVERY = 50;
const CACHED_INCIDENTS = 20_000;

/**
 * Loads incidents for commands in bounded time: from this process's cache (or the persisted snapshot), then
 * only the events after it. The events are the truth: whatever the cache holds, the tail read from the
 * store makes it current, so replicas never need to agree on their caches.
 */
export class IncidentStateLoader {
  private readonly known = new LRUCache<string, Known>({ max: CACHED_INCIDENTS });

  constructor(
    private readonly store: EventStore,
    private readonly snapshots: SnapshotStore,
    private readonly logger: Logger,
  ) {}

  /**
   * What this process last knew of the incident, without asking the store: a guess that an append with
   * its version confirms (or refutes with a ConcurrencyError). A stream this process never saw is
   * presumed new when `presumeNew` (a trigger): the append confirms that too.
   */
  guess(streamId: string, presumeNew: boolean): LoadedIncident | undefined {
    return this.known.get(streamId) ?? (presumeNew ? NO_INCIDENT : undefined);
  }

  async load(streamId: string): Promise<LoadedIncident> {
    const base = this.known.get(streamId) ?? (await this.fromSnapshot(streamId));
    const tail = await this.store.readStream(streamId, { fromVersion: base.version + 1 });
    const current = folded(base, tail);
    this.known.set(streamId, current);
    return current;
  }

  /** Remembers the state after a successful append, and snapshots it every SNAPSHOT_EVERY events. */
  async appended(streamId: string, incident: LoadedIncident): Promise<void> {
    const snapshotVersion = this.known.get(streamId)?.snapshotVersion ?? 0;
    const due = incident.version - snapshotVersion >= SNAPSHOT_EVERY;
    this.known.set(streamId, { ...incident, snapshotVersion: due ? incident.version : snapshotVersion });
    if (!due) return;
    // Best effort: a snapshot that fails to save only means a later cold load folds a longer tail.
    await this.snapshots.save(streamId, incident).catch((error: unknown) => {
      this.logger.warn({ err: error, streamId }, 'Could not save an incident snapshot');
    });
  }

  private async fromSnapshot(streamId: string): Promise<Known> {
    const snapshot = (await this.snapshots.load(streamId)) ?? NO_INCIDENT;
    return { ...snapshot, snapshotVersion: snapshot.version };
  }
}

function folded(base: Known, tail: StoredEvent[]): Known {
  if (tail.length === 0) return base;
  const state = tail.reduce((folding, stored) => evolve(folding, asIncidentEvent(stored)), base.state);
  const last = tail[tail.length - 1];
  return { ...base, state, version: last.version, lastOccurredAt: last.metadata.occurredAt };
}
