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
 * statement whose parameters start at `$first`; it may read `appended` (the rows just stored, none when the
 * append is refused) and must write nothing when that is empty. `params` gives its parameters for one append.
 */
export interface BeforeCommitHook {
  sql(firstParam: number): string;
  params(events: AppendingEvent[]): unknown[];
}

const EVENT_COLUMNS = `sequence, transaction_id, event_id, stream_id, version, type, schema_version, data, metadata, recorded_at`;

/**
 * PostgreSQL adapter. An append is ONE statement (so one round trip and its own transaction): it moves the
 * stream's version only if it still equals the expected one, inserts the events, and makes the
 * before-commit hook's write. If the version moved, nothing is written and the caller gets a ConcurrencyError.
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
    const rows = await this.preparedQuery<EventRow>(
      this.appendStatement,
      this.appendSql,
      this.appendValues({ streamId, events, options }, expected),
    );
    if (rows.length === 0) throw new ConcurrencyError(streamId, options.expectedVersion);
    return { nextExpectedVersion: expected + events.length, events: rows.map(toStoredEvent) };
  }

  /**
   * Appends to several streams in ONE transaction (one commit, so one WAL flush, for many commands; ADR
   * 0159). Each stream is checked on its own: one whose version moved gets its ConcurrencyError in its
   * place and writes nothing, the others are stored. Any other failure rolls every append back and throws.
   * Expected versions must be explicit (no 'any').
   */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<(AppendResult | ConcurrencyError)[]> {
    const client = await this.pool().connect();
    try {
      await client.query('BEGIN');
      const results: (AppendResult | ConcurrencyError)[] = [];
      for (const append of appends) {
        const expected = append.options.expectedVersion;
        if (expected === 'any' || append.events.length === 0) {
          throw new Error('appendToStreams needs events and an explicit expected version per stream');
        }
        const { rows } = await client.query<EventRow>({
          name: this.appendStatement,
          text: this.appendSql,
          values: this.appendValues(append, expected),
        });
        results.push(
          rows.length === 0
            ? new ConcurrencyError(append.streamId, expected)
            : { nextExpectedVersion: expected + append.events.length, events: rows.map(toStoredEvent) },
        );
      }
      await client.query('COMMIT');
      return results;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private appendValues({ streamId, events, options }: StreamAppend, expected: number): unknown[] {
    return [
      streamId,
      options.metadata.orgId,
      expected,
      events.length,
      events.map((e) => e.eventId),
      events.map((e) => e.type),
      events.map((e) => e.schemaVersion),
      events.map((e) => JSON.stringify(e.data)),
      JSON.stringify(options.metadata),
      ...(this.beforeCommit?.params(
        events.map((e, index) => ({
          ...e,
          streamId,
          version: expected + index + 1,
          metadata: options.metadata,
        })),
      ) ?? []),
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

const HOOK_FIRST_PARAM = 10;

/*
 * $1 stream id, $2 org id, $3 expected version, $4 event count, $5..$8 event columns, $9 metadata, then the
 * hook's parameters. A new stream is inserted only when $3 = 0; an existing one is bumped only from $3.
 */
function appendSql(hook: string | null): string {
  return `
WITH bumped AS (
  INSERT INTO event_streams AS s (stream_id, org_id, version)
  SELECT $1::text, $2::text, $3::int + $4::int WHERE $3::int = 0
  ON CONFLICT (stream_id) DO NOTHING
  RETURNING version
), bumped_existing AS (
  UPDATE event_streams SET version = $3::int + $4::int, updated_at = now()
  WHERE stream_id = $1::text AND version = $3::int AND $3::int > 0
  RETURNING version
), allowed AS (
  SELECT 1 FROM bumped UNION ALL SELECT 1 FROM bumped_existing
), incoming AS (
  SELECT * FROM unnest($5::uuid[], $6::text[], $7::int[], $8::jsonb[])
    WITH ORDINALITY AS e(event_id, type, schema_version, data, ord)
), appended AS (
  INSERT INTO events (event_id, stream_id, version, org_id, type, schema_version, data, metadata)
  SELECT i.event_id, $1::text, $3::int + i.ord, $2::text, i.type, i.schema_version, i.data, $9::jsonb
  FROM incoming i WHERE EXISTS (SELECT 1 FROM allowed)
  ORDER BY i.ord
  RETURNING ${EVENT_COLUMNS}
)${
    hook === null
      ? ''
      : `, before_commit AS (
${hook}
)`
  }
SELECT * FROM appended ORDER BY version`;
}
