import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live-stream tickets (auth/live-tickets.ts): short-lived, single-use credentials a browser puts in the
 * EventSource URL instead of its token. Only a SHA-256 hash of each ticket is stored.
 */
export class CreateLiveTickets1795802400000 implements MigrationInterface {
  name = 'CreateLiveTickets1795802400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE live_tickets (
        ticket_hash text PRIMARY KEY,
        org_id text NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_expires_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX live_tickets_expiry ON live_tickets (expires_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE live_tickets');
  }
}
