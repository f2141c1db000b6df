import { EventMetadata, StoredEvent } from './event-store.port';

export interface EventRow {
  sequence: string;
  transaction_id: string;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    version: row.version,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    position: { transactionId: String(row.transaction_id), sequence: String(row.sequence) },
    recordedAt: row.recorded_at.toISOString(),
  };
}
