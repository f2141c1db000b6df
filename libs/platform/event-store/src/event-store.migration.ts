import { MigrationInterface, QueryRunner } from 'typeorm';

/** Append-only events with one row per stream holding its version (the optimistic-concurrency lock). */
export class CreateEventStore1764201600001 implements MigrationInterface {
  name = 'CreateEventStore1764201600001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE event_streams (
        stream_id text PRIMARY KEY,
        org_id text NOT NULL,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE events (
        sequence bigserial PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id uuid NOT NULL UNIQUE,
        stream_id text NOT NULL,
        version integer NOT NULL,
        org_id text NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_version UNIQUE (stream_id, version)
      )`);
    await runner.query('CREATE INDEX events_global_order ON events (transaction_id, sequence)');
    await runner.query(`
      CREATE TABLE projection_checkpoints (
        name text PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT '0',
        sequence bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The log is append-only: refuse edits at the database, not only in code.
    await runner.query(`
      CREATE FUNCTION events_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'events are append-only'; END $$`);
    await runner.query(`
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION events_are_immutable()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE projection_checkpoints');
    await runner.query('DROP TABLE events');
    await runner.query('DROP FUNCTION events_are_immutable');
    await runner.query('DROP TABLE event_streams');
  }
}
