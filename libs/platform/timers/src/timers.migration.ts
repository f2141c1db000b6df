import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Durable timers: one row per pending timer, claimed with FOR UPDATE SKIP LOCKED by any replica. A timer is
 * named by (kind, key), so scheduling it again moves it instead of adding a second one; `generation` changes
 * on every such move so a firing never deletes a timer its own handler has just rescheduled.
 */
export class CreateTimers1796200000000 implements MigrationInterface {
  name = 'CreateTimers1796200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE timers (
        id bigserial PRIMARY KEY,
        kind text NOT NULL,
        key text NOT NULL,
        org_id text NOT NULL,
        group_key text,
        due_at timestamptz NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        generation bigint NOT NULL DEFAULT 1,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT timers_kind_key UNIQUE (kind, key)
      )`);
    await runner.query('CREATE INDEX timers_due ON timers (due_at)');
    await runner.query('CREATE INDEX timers_by_group ON timers (group_key) WHERE group_key IS NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE timers');
  }
}
