import { stageForAll, waitFor } from '@oncall/platform-testing';
import { SnoozeTimerWorker } from '../apps/incident-state/src/workers/snooze-timer.worker';
import { IncidentStage } from './support/incident-stage';

describe('Incident lifecycle through the API', () => {
  const stage = stageForAll(() => IncidentStage.start('lifecycle'));
  const alice = () => stage.token('technician', 'demo-tech-1');
  const bob = () => stage.token('technician', 'demo-tech-2');

  const eventCount = (incidentId: string, type: string) =>
    stage.platform.withSchema('incident_state', async (db) => {
      const [row] = await db.query(
        'SELECT count(*)::int AS n FROM events WHERE stream_id = $1 AND type = $2',
        [`incident-${incidentId}`, type],
      );
      return row.n as number;
    });

  // Sent together, the two may or may not collide; the lost append and the decision made again on the
  // winner's state are forced in apps/incident-state/src/execute-command/incident-command-race.spec.ts.
  it('lets two technicians acknowledge together: one event, both get the acknowledged incident', async () => {
    const incident = await stage.incidents.trigger('Exchange down at Acme', {}, alice());
    const [first, second] = await Promise.all([
      stage.incidents.act(alice(), incident.incidentId, 'acknowledge'),
      stage.incidents.act(bob(), incident.incidentId, 'acknowledge'),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body.incident).toMatchObject({ status: 'acknowledged', version: 2 });
    expect(second.body.incident).toMatchObject({ status: 'acknowledged', version: 2 });
    expect([first.body.appended, second.body.appended].flat()).toEqual(['IncidentAcknowledged']);
    expect(await eventCount(incident.incidentId, 'IncidentAcknowledged')).toBe(1);
  });

  it('refuses to acknowledge a resolved incident with a reason, and a stale expected version with 409', async () => {
    const incident = await stage.incidents.trigger('Printer offline at Globex', {}, alice());
    const acknowledged = await stage.incidents.act(alice(), incident.incidentId, 'acknowledge');
    const stale = await stage.incidents.act(bob(), incident.incidentId, 'resolve', { expectedVersion: 1 });
    expect(stale).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    expect(
      (
        await stage.incidents.act(bob(), incident.incidentId, 'resolve', {
          expectedVersion: acknowledged.body.incident.version,
        })
      ).status,
    ).toBe(200);
    const refused = await stage.incidents.act(alice(), incident.incidentId, 'acknowledge');
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('already resolved');
  });

  it('resolves an acknowledged incident from the source, and a late duplicate trigger opens a new incident', async () => {
    const alert = { dedupKey: 'fs01-disk', summary: 'Disk full on FS01' };
    const incident = await stage.incidents.trigger(alert.summary, { dedupKey: alert.dedupKey }, alice());
    await stage.incidents.act(alice(), incident.incidentId, 'acknowledge');
    expect(
      (
        await stage.platform.postAlert(stage.demo.integrationKey, {
          ...alert,
          severity: 'high',
          source: 'rmm',
          action: 'resolve',
        })
      ).status,
    ).toBe(202);
    const resolved = await waitFor('resolved by the source', async () => {
      const detail = await stage.incidents.detail(alice(), incident.incidentId);
      return detail.incident.status === 'resolved' ? detail : undefined;
    });
    expect(resolved.resolutionReason).toBe('source');
    const again = await stage.incidents.trigger(alert.summary, { dedupKey: alert.dedupKey }, alice());
    expect(again.incidentId).not.toBe(incident.incidentId);
    expect((await stage.incidents.detail(alice(), incident.incidentId)).incident.status).toBe('resolved');
  });

  it('shows the full timeline with actors, notes and the snooze that ends and pages again', async () => {
    const incident = await stage.incidents.trigger('VPN flapping at Initech', {}, alice());
    await stage.incidents.act(alice(), incident.incidentId, 'acknowledge');
    expect(
      (await stage.incidents.act(alice(), incident.incidentId, 'notes', { text: 'Rebooted the firewall' }))
        .status,
    ).toBe(201);
    const snoozed = await stage.incidents.act(alice(), incident.incidentId, 'snooze', {
      durationMinutes: 30,
    });
    expect(snoozed.body.incident.snoozedUntil).not.toBeNull();
    const worker = stage.platform.service('incident-state').app.get(SnoozeTimerWorker);
    await waitFor(
      'the snooze timer',
      async () => (await worker.fireDue(new Date(Date.now() + 31 * 60_000))) > 0,
    );
    const detail = await waitFor('back to triggered', async () => {
      const current = await stage.incidents.detail(alice(), incident.incidentId);
      return current.incident.status === 'triggered' ? current : undefined;
    });
    const history = [
      ['IncidentTriggered', 'integration'],
      ['IncidentAcknowledged', 'user'],
      ['NoteAdded', 'user'],
      ['IncidentSnoozed', 'user'],
      ['IncidentUnacknowledged', 'system'],
    ];
    // The detail's first page is newest first; walking the pages (two entries at a time) reads it all.
    expect(detail.timeline.items.map((entry) => [entry.type, entry.actor?.kind])).toEqual(
      [...history].reverse(),
    );
    const timeline = await stage.incidents.timeline(alice(), incident.incidentId, 2);
    expect(timeline.map((entry) => [entry.type, entry.actor?.kind])).toEqual(history);
    expect(detail.notes.items.map((note) => note.text)).toEqual(['Rebooted the firewall']);
    expect(timeline[4].detail).toMatchObject({ reason: 'snooze-ended' });
  });

  it('lists repeats of a key as one alert entry, counted, with the latest summary', async () => {
    const incident = await stage.incidents.trigger(
      'UPS on battery at Initech',
      { dedupKey: 'ups-1' },
      alice(),
    );
    for (const summary of ['UPS on battery at Initech (5 min)', 'UPS on battery at Initech (10 min)']) {
      const body = { summary, severity: 'critical', source: 'rmm', dedupKey: 'ups-1' };
      expect((await stage.platform.postAlert(stage.demo.integrationKey, body)).status).toBe(202);
    }
    const [entry] = await waitFor('the repeats counted on the alert entry', async () => {
      const alerts = await stage.incidents.alerts(alice(), incident.incidentId);
      return alerts[0]?.repeatCount === 2 ? alerts : undefined;
    });
    expect(entry).toMatchObject({
      position: 1,
      dedupKey: 'ups-1',
      summary: 'UPS on battery at Initech (10 min)',
      severity: 'critical',
      repeatCount: 2,
      lastSeenAt: expect.any(String),
    });
    const detail = await stage.incidents.detail(alice(), incident.incidentId);
    expect([detail.incident.alertCount, detail.alertEntryCount, detail.alerts.items.length]).toEqual([
      3, 1, 1,
    ]);
  });

  it('merges incidents: alerts move to the target and the source resolves as merged', async () => {
    const target = await stage.incidents.trigger('Site down at Umbrella', {}, alice());
    const source = await stage.incidents.trigger('HTTP 502 at Umbrella', {}, alice());
    const merged = await stage.incidents.act(alice(), target.incidentId, 'merge', {
      sourceIncidentIds: [source.incidentId],
    });
    expect(merged.status).toBe(200);
    expect(merged.body.incident.alertCount).toBe(2);
    const sourceDetail = await waitFor('the source resolved', async () => {
      const detail = await stage.incidents.detail(alice(), source.incidentId);
      return detail.incident.status === 'resolved' ? detail : undefined;
    });
    expect(sourceDetail).toMatchObject({ mergedInto: target.incidentId, resolutionReason: 'merged' });
    const targetDetail = await waitFor('the merge on the target', async () => {
      const detail = await stage.incidents.detail(alice(), target.incidentId);
      return detail.mergedIncidentCount === 1 ? detail : undefined;
    });
    expect(targetDetail.mergedIncidentIds).toEqual([source.incidentId]);
    expect((await stage.incidents.alerts(alice(), target.incidentId)).map((alert) => alert.summary)).toEqual([
      target.title,
      source.title,
    ]);
    // The timeline counts the alerts a merge brought (they are in the alerts list), whatever their number.
    expect(targetDetail.timeline.items.find((entry) => entry.type === 'IncidentMerged')?.detail).toEqual({
      sourceIncidentId: source.incidentId,
      alertCount: 1,
    });
  });

  it('reassigns to a person and filters the list by assignee, status and severity', async () => {
    const incident = await stage.incidents.trigger(
      'Backup job failed at Hooli',
      { severity: 'critical' },
      alice(),
    );
    const me = (await (await stage.platform.api('/api/v1/me', bob())).json()) as { id: string };
    const reassigned = await stage.incidents.act(alice(), incident.incidentId, 'reassign', {
      to: { kind: 'users', userIds: [me.id] },
    });
    expect(reassigned.body.incident.assignedUserIds).toEqual([me.id]);
    const other = await stage.incidents.trigger('Printer jam at Hooli', { severity: 'warning' }, alice());
    const filtered = await waitFor('the list to show the assignment', async () => {
      const page = await stage.incidents.list(
        alice(),
        `?assigneeId=${me.id}&severity=critical&status=triggered`,
      );
      return page.items.some((item) => item.incidentId === incident.incidentId) ? page : undefined;
    });
    // Exclusion too: every listed incident matches all three filters, and the unassigned warning is not there.
    expect(filtered.items.length).toBeGreaterThan(0);
    for (const item of filtered.items)
      expect(item).toMatchObject({ status: 'triggered', severity: 'critical', assignedUserIds: [me.id] });
    expect(filtered.items.map((item) => item.incidentId)).not.toContain(other.incidentId);
    const all = await stage.incidents.list(alice(), '?limit=100');
    expect(all.items.map((item) => item.incidentId)).toEqual(expect.arrayContaining([incident.incidentId, other.incidentId])); // prettier-ignore
    const done = await stage.incidents.trigger('Old alarm at Hooli', {}, alice());
    expect((await stage.incidents.act(alice(), done.incidentId, 'resolve')).status).toBe(200);
    const resolvedOnly = await waitFor('the resolved one listed', async () => {
      const page = await stage.incidents.list(alice(), '?status=resolved&limit=100');
      return page.items.some((item) => item.incidentId === done.incidentId) ? page : undefined;
    });
    expect(resolvedOnly.items.every((item) => item.status === 'resolved')).toBe(true);
    expect(resolvedOnly.items.map((item) => item.incidentId)).not.toContain(incident.incidentId);
  });

  it('refuses invalid actions with 400 naming the field', async () => {
    const incident = await stage.incidents.trigger('Invalid action target', {}, alice());
    const response = await stage.incidents.act(alice(), incident.incidentId, 'snooze', {
      durationMinutes: 0,
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('durationMinutes');
  });
});
