import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per alert entry of an incident (one per alert key, with its repeats counted), so the alerts are
 * read a page at a time instead of from the folded state; filled from the states already projected. Merge
 * entries of the timeline keep a count instead of the absorbed alerts (those are in incident_alerts), so
 * one timeline entry stays small.
 */
export class CreateIncidentAlerts1796600000000 implements MigrationInterface {
  name = 'CreateIncidentAlerts1796600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE incident_alerts (
        incident_id uuid NOT NULL,
        position integer NOT NULL,
        org_id text NOT NULL,
        alert_id text NOT NULL,
        dedup_key text NOT NULL,
        summary text NOT NULL,
        severity text NOT NULL,
        received_at timestamptz NOT NULL,
        repeat_count integer NOT NULL DEFAULT 0,
        last_seen_at timestamptz,
        PRIMARY KEY (incident_id, position)
      )`);
    await runner.query(`
      INSERT INTO incident_alerts
        (incident_id, position, org_id, alert_id, dedup_key, summary, severity, received_at, repeat_count,
         last_seen_at)
      SELECT i.id, a.position, i.org_id, a.alert->>'alertId', a.alert->>'dedupKey', a.alert->>'summary',
             a.alert->>'severity', (a.alert->>'receivedAt')::timestamptz,
             COALESCE((a.alert->>'repeatCount')::integer, 0), (a.alert->>'lastSeenAt')::timestamptz
      FROM incidents i
      CROSS JOIN LATERAL jsonb_array_elements(i.state->'alerts') WITH ORDINALITY AS a(alert, position)`);
    await runner.query(`
      UPDATE incident_timeline
      SET detail = jsonb_build_object(
        'sourceIncidentId', detail->'sourceIncidentId', 'alertCount', jsonb_array_length(detail->'alerts'))
      WHERE type = 'IncidentMerged' AND jsonb_typeof(detail->'alerts') = 'array'`);
    await runner.query(
      `CREATE INDEX incident_timeline_notes ON incident_timeline (incident_id, version) WHERE type = 'NoteAdded'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX incident_timeline_notes');
    await runner.query('DROP TABLE incident_alerts');
  }
}
