import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the correlator decides with (ADR 0175): a service's grouping rule, an organization's client routing
 * rules (one row, the ordered list), and maintenance windows of services and clients.
 */
export class AddCorrelationSettings1797100000000 implements MigrationInterface {
  name = 'AddCorrelationSettings1797100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE services ADD COLUMN grouping jsonb');
    await runner.query(`
      CREATE TABLE routing_rules (
        org_id text PRIMARY KEY,
        rules jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE maintenance_windows (
        id uuid PRIMARY KEY,
        org_id text NOT NULL,
        name text NOT NULL,
        "window" jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX maintenance_windows_by_org ON maintenance_windows (org_id, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE maintenance_windows');
    await runner.query('DROP TABLE routing_rules');
    await runner.query('ALTER TABLE services DROP COLUMN grouping');
  }
}
