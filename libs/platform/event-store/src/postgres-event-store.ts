import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AppendOptions,
  AppendResult,
  ConcurrencyError,
  EventMetadata,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  START_OF_ALL,
  StoredEvent,
  StreamAppend,
} from './event-store.port';
import { EventRow, toStoredEvent } from './event-row';

interface PreparedQueryClient {
  query<Row>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
}

interface PreparedQueryPool extends PreparedQueryClient {
  connect(): Promise<PreparedQueryClient & { query(text: string): Promise<unknown>; release(): void }>;
}

/** An event as the append stores it, as the before-commit hook sees it. */
export interface AppendingEvent extends NewEvent {
  streamId: string;
  version: number;
  metadata: EventMetadata;
}

/**
 * A write in the same transaction as each append (Emmett's beforeCommitHook; the outbox uses it). It runs
 * inside the append's one statement, so the hot path keeps one round trip: `sql(first)` is a data-modifying
 * statement whose parameters start at `$first`; it may read `appended` (the rows just stored: only the
 * streams whose expected version held) and must write only for those. `params` gives its parameters for
 * every event offered, in order, whichever stream they belong to.
 */
export interface BeforeCommitHook {
  sql(firstParam: number): string;
  params(events: AppendingEvent[]): unknown[];
}

const EVENT_COLUMNS = `sequence, transaction_id, event_id, stream_id, version, type, schema_version, data, metadata, recorded_at`;

/**
 * PostgreSQL adapter. An append is ONE statement (so one round trip and its own transaction), however many
 * streams it covers: it moves each stream's version only if it still equals the expected one, inserts the
 * events of the streams it moved, and makes the before-commit hook's write. A stream whose version moved
 * gets a ConcurrencyError and has nothing written; the others are stored.
 */
export class PostgresEventStore implements EventStore {
  private readonly appendSql: string;
  private readonly appendStatement: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly beforeCommit: BeforeCommitHook | null = null,
  ) {
    this.appendSql = appendSql(beforeCommit?.sql(HOOK_FIRST_PARAM) ?? null);
    // Named per text: stores with different hooks may share a connection pool.
    const digest = createHash('sha256').update(this.appendSql).digest('hex').slice(0, 12);
    this.appendStatement = `oncall_event_store_append_${digest}`;
  }

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    const expected =
      options.expectedVersion === 'any' ? await this.currentVersion(streamId) : options.expectedVersion;
    const [result] = await this.appendToStreams([
      { streamId, events, options: { ...options, expectedVersion: expected } },
    ]);
    if (result instanceof ConcurrencyError) throw new ConcurrencyError(streamId, options.expectedVersion);
    return result;
  }

  /**
   * Appends to several streams in ONE statement, so one transaction and one round trip for many commands
   * (ADR 0159, ADR 0222). Each stream is checked on its own: one whose version moved gets its
   * ConcurrencyError in its place and writes nothing, the others are stored. Any other failure (an event id
   * stored already) writes nothing at all and throws. Expected versions must be explicit (no 'any'), and a
   * stream may appear once.
   */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<(AppendResult | ConcurrencyError)[]> {
    const rows = await this.preparedQuery<EventRow>(
      this.appendStatement,
      this.appendSql,
      this.appendValues(appends),
    );
    const stored = new Map<string, EventRow[]>();
    for (const row of rows) {
      const streamRows = stored.get(row.stream_id);
      if (streamRows) streamRows.push(row);
      else stored.set(row.stream_id, [row]);
    }
    return appends.map(({ streamId, events, options }) => {
      const expected = options.expectedVersion as number;
      const streamRows = stored.get(streamId);
      return streamRows
        ? { nextExpectedVersion: expected + events.length, events: streamRows.map(toStoredEvent) }
        : new ConcurrencyError(streamId, expected);
    });
  }

  private appendValues(appends: readonly StreamAppend[]): unknown[] {
    const streams = new Set(appends.map((append) => append.streamId));
    if (streams.size !== appends.length) throw new Error('An append names each stream at most once');
    const appending: (AppendingEvent & { position: number })[] = appends.flatMap(
      ({ streamId, events, options }, position) => {
        const expected = options.expectedVersion;
        if (expected === 'any' || events.length === 0) {
          throw new Error('appendToStreams needs events and an explicit expected version per stream');
        }
        return events.map((event, index) => ({
          ...event,
          streamId,
          version: expected + index + 1,
          metadata: options.metadata,
          position: position + 1,
        }));
      },
    );
    return [
      appends.map((append) => append.streamId),
      appends.map((append) => append.options.metadata.orgId),
      appends.map((append) => append.options.expectedVersion),
      appends.map((append) => append.events.length),
      appends.map((append) => JSON.stringify(append.options.metadata)),
      appending.map((e) => e.position),
      appending.map((e) => e.eventId),
      appending.map((e) => e.type),
      appending.map((e) => e.schemaVersion),
      appending.map((e) => JSON.stringify(e.data)),
      appending.map((e) => e.version),
      ...(this.beforeCommit?.params(appending.map(({ position: _position, ...event }) => event)) ?? []),
    ];
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const rows = await this.preparedQuery<EventRow>('oncall_event_store_read_stream', READ_STREAM_SQL, [
      streamId,
      options.fromVersion ?? 1,
    ]);
    return rows.map(toStoredEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const after = options.after ?? START_OF_ALL;
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE (transaction_id, sequence) > ($1::xid8, $2::bigint)
         AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY transaction_id, sequence
       LIMIT $3`,
      [after.transactionId, after.sequence, options.limit ?? 1_000],
    );
    return rows.map(toStoredEvent);
  }

  /**
   * The append is the hot path: run it as a named prepared statement on the driver's pool so PostgreSQL
   * plans it once per connection instead of on every command.
   */
  private async preparedQuery<Row>(name: string, text: string, values: unknown[]): Promise<Row[]> {
    const result = await this.pool().query<Row>({ name, text, values });
    return result.rows;
  }

  private pool(): PreparedQueryPool {
    return (this.dataSource.driver as unknown as { master: PreparedQueryPool }).master;
  }

  private async currentVersion(streamId: string): Promise<number> {
    const rows: { version: number }[] = await this.dataSource.query(
      'SELECT version FROM event_streams WHERE stream_id = $1',
      [streamId],
    );
    return rows[0]?.version ?? 0;
  }
}

const READ_STREAM_SQL = `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND version >= $2 ORDER BY version`;

const HOOK_FIRST_PARAM = 12;

/*
 * Per stream: $1 id, $2 org id, $3 expected version, $4 event count, $5 metadata. Per event: $6 its stream's
 * position in $1 (from 1), $7..$10 its columns, $11 its version. Then the hook's parameters. A stream is
 * inserted only when it is expected new, bumped only from its expected version; streams are taken in id order
 * so concurrent appends lock them alike.
 */
function appendSql(hook: string | null): string {
  return `
WITH wanted AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::jsonb[])
    WITH ORDINALITY AS w(stream_id, org_id, expected, count, metadata, position)
), created AS (
  INSERT INTO event_streams AS s (stream_id, org_id, version)
  SELECT stream_id, org_id, expected + count FROM wanted WHERE expected = 0
  ORDER BY stream_id
  ON CONFLICT (stream_id) DO NOTHING
  RETURNING stream_id
), locked AS (
  SELECT s.stream_id FROM event_streams s JOIN wanted w USING (stream_id)
  WHERE w.expected > 0
  ORDER BY s.stream_id
  FOR UPDATE OF s
), bumped AS (
  UPDATE event_streams s SET version = w.expected + w.count, updated_at = now()
  FROM wanted w
  WHERE s.stream_id = w.stream_id AND s.version = w.expected AND w.expected > 0
    AND s.stream_id IN (SELECT stream_id FROM locked)
  RETURNING s.stream_id
), allowed AS (
  SELECT stream_id FROM created UNION ALL SELECT stream_id FROM bumped
), incoming AS (
  SELECT * FROM unnest($6::int[], $7::uuid[], $8::text[], $9::int[], $10::jsonb[], $11::int[])
    WITH ORDINALITY AS e(position, event_id, type, schema_version, data, version, ord)
), appended AS (
  INSERT INTO events (event_id, stream_id, version, org_id, type, schema_version, data, metadata)
  SELECT e.event_id, w.stream_id, e.version, w.org_id, e.type, e.schema_version, e.data, w.metadata
  FROM incoming e JOIN wanted w ON w.position = e.position
  WHERE w.stream_id IN (SELECT stream_id FROM allowed)
  ORDER BY e.ord
  RETURNING ${EVENT_COLUMNS}
)${
    hook === null
      ? ''
      : `, before_commit AS (
${hook}
)`
  }
SELECT * FROM appended ORDER BY sequence`;
}
