import { stageForAll, waitFor } from '@oncall/platform-testing';
import { randomUUID } from 'node:crypto';
import { IncidentStage } from './support/incident-stage';

/**
 * Rows are found by organization AND id everywhere (ADR 0010): rows of another organization that happen
 * to carry the same incident id (planted here directly) are never read, freed or deleted.
 */
describe('Incident rows are scoped by organization', () => {
  const OTHER_ORG = 'org-elsewhere';
  const stage = stageForAll(() => IncidentStage.start('orgscope'));
  const alice = () => stage.token('technician', 'demo-tech-1');

  const query = <T>(schema: string, sql: string, params: unknown[]) =>
    stage.platform.withSchema(schema, (db) => db.query(sql, params) as Promise<T[]>);

  it('resolving an incident frees only its own organization’s dedup keys', async () => {
    const incident = await stage.incidents.trigger('Scoped: NAS offline', { dedupKey: 'nas' }, alice());
    await query(
      'dedup_grouping',
      `INSERT INTO open_alerts (org_id, integration_id, dedup_key, incident_id, opened_by_alert_id)
       VALUES ($1, $2, 'nas', $3, $4)`,
      [OTHER_ORG, randomUUID(), incident.incidentId, randomUUID()],
    );
    await stage.incidents.act(alice(), incident.incidentId, 'resolve');
    const ownKeys = () =>
      query('dedup_grouping', 'SELECT org_id FROM open_alerts WHERE incident_id = $1 ORDER BY org_id', [
        incident.incidentId,
      ]);
    await waitFor('the demo key freed', async () =>
      (await ownKeys()).some((row) => (row as { org_id: string }).org_id === stage.demo.orgId)
        ? undefined
        : true,
    );
    expect(await ownKeys()).toEqual([{ org_id: OTHER_ORG }]);
  });

  it('shows only its own organization’s timeline rows', async () => {
    const incident = await stage.incidents.trigger('Scoped: printer jam', {}, alice());
    await query(
      'incident_state',
      `INSERT INTO incident_timeline (incident_id, version, org_id, at, type, actor, detail)
       VALUES ($1, 99, $2, now(), 'NoteAdded', NULL, $3)`,
      [incident.incidentId, OTHER_ORG, JSON.stringify({ noteId: randomUUID(), text: 'planted' })],
    );
    const detail = await stage.incidents.detail(alice(), incident.incidentId);
    expect(detail.timeline.items.map((entry) => entry.version)).toEqual([1]);
    expect(detail.notes).toEqual({ items: [], nextCursor: null });
    expect(await stage.incidents.timeline(alice(), incident.incidentId)).toHaveLength(1);
    expect(await stage.incidents.notes(alice(), incident.incidentId)).toEqual([]);
  });

  it('projecting an incident leaves another organization’s timer alone', async () => {
    const incident = await stage.incidents.trigger('Scoped: switch port flapping', {}, alice());
    await query(
      'incident_state',
      `INSERT INTO incident_timers (incident_id, kind, org_id, due_at) VALUES ($1, 'snooze', $2, $3)`,
      [incident.incidentId, OTHER_ORG, '2999-01-01T00:00:00Z'],
    );
    await stage.incidents.act(alice(), incident.incidentId, 'acknowledge');
    await waitFor('the acknowledgement projected', async () =>
      (await stage.incidents.detail(alice(), incident.incidentId)).incident.status === 'acknowledged'
        ? true
        : undefined,
    );
    expect(
      await query('incident_state', 'SELECT org_id FROM incident_timers WHERE incident_id = $1', [
        incident.incidentId,
      ]),
    ).toEqual([{ org_id: OTHER_ORG }]);
  });
});
