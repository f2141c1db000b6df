import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Escalation policies, one row each: the name in its own column (unique per organization, whatever the
 * case) and the rest of the normalized definition as jsonb. `version` counts changes (optimistic concurrency).
 */
export class CreateEscalationPolicies1764202200000 implements MigrationInterface {
  name = 'CreateEscalationPolicies1764202200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE escalation_policies (
        id uuid PRIMARY KEY,
        org_id text NOT NULL,
        name text NOT NULL,
        definition jsonb NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX escalation_policies_name_per_org ON escalation_policies (org_id, lower(name))',
    );
    await runner.query(
      'CREATE INDEX escalation_policies_by_org_page ON escalation_policies (org_id, created_at, id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE escalation_policies');
  }
}
