import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per organization and UTC quarter hour: what an unfiltered trend needs, kept by a trigger on
 * report_incidents (the old row's share taken out, the new row's put in), so a 90-day trend reads a few
 * thousand rows instead of every incident. Sums are numeric: exact, so any order of writes (live or
 * rebuild) gives the same table.
 */
export class CreateQuarterRollups1797000000001 implements MigrationInterface {
  name = 'CreateQuarterRollups1797000000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE report_quarter_rollups (
        org_id text NOT NULL,
        quarter integer NOT NULL,
        incidents integer NOT NULL,
        ack_count integer NOT NULL,
        ack_sum numeric NOT NULL,
        resolve_count integer NOT NULL,
        resolve_sum numeric NOT NULL,
        unanswered integer NOT NULL,
        PRIMARY KEY (org_id, quarter)
      )`);
    await runner.query(`
      CREATE FUNCTION report_quarter_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND (OLD.org_id, OLD.opened_quarter, OLD.ack_seconds, OLD.resolve_seconds, OLD.unanswered)
             IS NOT DISTINCT FROM (NEW.org_id, NEW.opened_quarter, NEW.ack_seconds, NEW.resolve_seconds, NEW.unanswered) THEN
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.opened_quarter IS NOT NULL THEN
          UPDATE report_quarter_rollups SET
            incidents = incidents - 1,
            ack_count = ack_count - (OLD.ack_seconds IS NOT NULL)::int,
            ack_sum = ack_sum - coalesce(OLD.ack_seconds::numeric, 0),
            resolve_count = resolve_count - (OLD.resolve_seconds IS NOT NULL)::int,
            resolve_sum = resolve_sum - coalesce(OLD.resolve_seconds::numeric, 0),
            unanswered = unanswered - OLD.unanswered::int
          WHERE org_id = OLD.org_id AND quarter = OLD.opened_quarter;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.opened_quarter IS NOT NULL THEN
          INSERT INTO report_quarter_rollups AS r VALUES (
            NEW.org_id, NEW.opened_quarter, 1,
            (NEW.ack_seconds IS NOT NULL)::int, coalesce(NEW.ack_seconds::numeric, 0),
            (NEW.resolve_seconds IS NOT NULL)::int, coalesce(NEW.resolve_seconds::numeric, 0),
            NEW.unanswered::int)
          ON CONFLICT (org_id, quarter) DO UPDATE SET
            incidents = r.incidents + 1,
            ack_count = r.ack_count + EXCLUDED.ack_count,
            ack_sum = r.ack_sum + EXCLUDED.ack_sum,
            resolve_count = r.resolve_count + EXCLUDED.resolve_count,
            resolve_sum = r.resolve_sum + EXCLUDED.resolve_sum,
            unanswered = r.unanswered + EXCLUDED.unanswered;
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER report_incidents_quarter_rollup AFTER INSERT OR UPDATE OR DELETE ON report_incidents
        FOR EACH ROW EXECUTE FUNCTION report_quarter_rollup()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER report_incidents_quarter_rollup ON report_incidents');
    await runner.query('DROP FUNCTION report_quarter_rollup()');
    await runner.query('DROP TABLE report_quarter_rollups');
  }
}
