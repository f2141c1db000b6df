import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The engine's state: one row per incident (the process state, which holds the policy snapshot taken at
 * the trigger, and the incident as pages describe it), and the rotation offset of each round-robin step.
 */
export class CreateEscalationProcesses1797400000000 implements MigrationInterface {
  name = 'CreateEscalationProcesses1797400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE escalation_processes (
        incident_id text PRIMARY KEY,
        org_id text NOT NULL,
        state jsonb NOT NULL,
        incident jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE escalation_round_robin (
        policy_id text NOT NULL,
        level integer NOT NULL,
        next_offset integer NOT NULL,
        PRIMARY KEY (policy_id, level)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE escalation_round_robin');
    await runner.query('DROP TABLE escalation_processes');
  }
}
