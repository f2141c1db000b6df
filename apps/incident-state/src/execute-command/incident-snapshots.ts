import { Injectable } from '@nestjs/common';
import { IncidentState, INCIDENT_STATE_VERSION, initialIncidentState } from '@oncall/incident-domain';
import { DataSource } from 'typeorm';

/** An incident as of `version`, with the last event's time (for `updatedAt`). */
export interface LoadedIncident {
  state: IncidentState;
  version: number;
  lastOccurredAt: string | null;
}

export const NO_INCIDENT: LoadedIncident = { state: initialIncidentState, version: 0, lastOccurredAt: null };

/** Where folded incidents are kept between commands (a cache: the events stay the truth). */
export interface SnapshotStore {
  load(streamId: string): Promise<LoadedIncident | null>;
  save(streamId: string, incident: LoadedIncident): Promise<void>;
}

/** For tools and tests that fold from the events every time. */
export const noSnapshots: SnapshotStore = {
  load: () => Promise.resolve(null),
  save: () => Promise.resolve(),
};

/** Snapshots in incident_snapshots; a snapshot of an older state shape is ignored (and later replaced). */
@Injectable()
export class PostgresSnapshotStore implements SnapshotStore {
  constructor(private readonly dataSource: DataSource) {}

  async load(streamId: string): Promise<LoadedIncident | null> {
    const rows: { version: number; state: IncidentState & { lastOccurredAt?: string | null } }[] =
      await this.dataSource.query(
        'SELECT version, state FROM incident_snapshots WHERE stream_id = $1 AND state_version = $2',
        [streamId, INCIDENT_STATE_VERSION],
      );
    if (!rows[0]) return null;
    const { lastOccurredAt, ...state } = rows[0].state;
    return {
      state: state as IncidentState,
      version: rows[0].version,
      lastOccurredAt: lastOccurredAt ?? null,
    };
  }

  async save(streamId: string, incident: LoadedIncident): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO incident_snapshots (stream_id, version, state_version, state) VALUES ($1, $2, $3, $4)
       ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, state_version = EXCLUDED.state_version,
         state = EXCLUDED.state, updated_at = now()
       WHERE incident_snapshots.version < EXCLUDED.version
          OR incident_snapshots.state_version <> EXCLUDED.state_version`,
      [
        streamId,
        incident.version,
        INCIDENT_STATE_VERSION,
        JSON.stringify({ ...incident.state, lastOccurredAt: incident.lastOccurredAt }),
      ],
    );
  }
}
