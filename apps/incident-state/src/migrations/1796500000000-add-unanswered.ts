import { MigrationInterface, QueryRunner } from 'typeorm';

/** When an incident's escalation ran out unanswered (recorded from escalation's facts). */
export class AddUnanswered1796500000000 implements MigrationInterface {
  name = 'AddUnanswered1796500000000';

  async up(runner: QueryRunner): Promise<void> {
    // Added last so the projection's column list (jsonb_to_recordset) matches the table's order.
    await runner.query('ALTER TABLE incidents ADD COLUMN unanswered_at timestamptz');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE incidents DROP COLUMN unanswered_at');
  }
}
