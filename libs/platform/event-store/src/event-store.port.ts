/** An event about to be appended; its id is chosen by the writer so a retried append is recognisable. */
export interface NewEvent<TType extends string = string, TData = unknown> {
  eventId: string;
  type: TType;
  schemaVersion: number;
  data: TData;
}

export interface EventMetadata {
  orgId: string;
  correlationId: string;
  causationId: string | null;
  occurredAt: string;
}

export interface StoredEvent<TType extends string = string, TData = unknown> extends NewEvent<TType, TData> {
  streamId: string;
  /** 1 for the first event of a stream. */
  version: number;
  position: GlobalPosition;
  metadata: EventMetadata;
  recordedAt: string;
}

/**
 * Where a reader of all streams is. Ordering is by committing transaction first (PostgreSQL xid8), then
 * by sequence, so an event that commits late is never skipped by a reader that has moved on.
 */
export interface GlobalPosition {
  transactionId: string;
  sequence: string;
}

export const START_OF_ALL: GlobalPosition = { transactionId: '0', sequence: '0' };

/** `0` means the stream must not exist yet; `'any'` skips the check (used only by tooling). */
export type ExpectedVersion = number | 'any';

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
  metadata: EventMetadata;
}

export interface AppendResult {
  nextExpectedVersion: number;
  events: StoredEvent[];
}

export interface ReadStreamOptions {
  /** Only events from this version on (after a snapshot at version n, read from n + 1). */
  fromVersion?: number;
}

export interface ReadAllOptions {
  after?: GlobalPosition;
  limit?: number;
}

/** The port every event store adapter implements; its contract tests live in event-store.contract.ts. */
/** One stream's part of appendToStreams. */
export interface StreamAppend {
  streamId: string;
  events: NewEvent[];
  options: AppendOptions;
}

export interface EventStore {
  appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /**
   * Several streams in one transaction, each checked on its own (a ConcurrencyError in its place), where the
   * adapter can; callers without it append stream by stream.
   */
  appendToStreams?(appends: readonly StreamAppend[]): Promise<(AppendResult | ConcurrencyError)[]>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
}

export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: ExpectedVersion,
  ) {
    super(`Stream ${streamId} has changed since version ${expectedVersion}; re-read it and try again.`);
    this.name = 'ConcurrencyError';
  }
}
