import { Injectable } from '@nestjs/common';
import {
  CursorPage,
  IncidentAlertView,
  IncidentNote,
  IncidentPageQuery,
  Severity,
  TimelineEntry,
} from '@oncall/contracts';
import { readCursor, RpcError } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';
import { boundedPage, pageLimit } from './bounded-page';
import { alertsCursor, notesCursor, timelineCursor } from './incident-cursors';

interface AlertRow {
  position: number;
  alert_id: string;
  dedup_key: string;
  summary: string;
  severity: Severity;
  received_at: Date;
  repeat_count: number;
  last_seen_at: Date | null;
  context: Record<string, unknown> | null;
}

interface TimelineRow {
  version: number;
  at: Date;
  type: string;
  actor: TimelineEntry['actor'];
  detail: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Pages of one incident's alerts, notes and timeline, newest first, each bounded in count and bytes. */
@Injectable()
export class IncidentPages {
  constructor(private readonly dataSource: DataSource) {}

  /** Refuses an incident that is not this organization's (or not an incident id at all) as NOT_FOUND. */
  async requireIncident(orgId: string, incidentId: unknown): Promise<string> {
    const found =
      typeof incidentId === 'string' &&
      UUID.test(incidentId) &&
      (
        await this.dataSource.query('SELECT 1 FROM incidents WHERE org_id = $1 AND id = $2', [
          orgId,
          incidentId,
        ])
      ).length > 0;
    if (!found)
      throw new RpcError('NOT_FOUND', `Incident ${String(incidentId)} was not found in this organization.`);
    return incidentId as string;
  }

  async alerts(orgId: string, query: IncidentPageQuery): Promise<CursorPage<IncidentAlertView>> {
    const limit = pageLimit(query.limit);
    const before = query.cursor ? readCursor(alertsCursor, query.cursor)[0] : null;
    const rows: AlertRow[] = await this.dataSource.query(
      `SELECT position, alert_id, dedup_key, summary, severity, received_at, repeat_count, last_seen_at, context
       FROM incident_alerts
       WHERE org_id = $1 AND incident_id = $2 AND ($3::integer IS NULL OR position < $3)
       ORDER BY position DESC LIMIT $4`,
      [orgId, query.incidentId, before, limit + 1],
    );
    return boundedPage(rows, limit, toAlertView, (alert) => alertsCursor.encode([alert.position]));
  }

  async timeline(orgId: string, query: IncidentPageQuery): Promise<CursorPage<TimelineEntry>> {
    const limit = pageLimit(query.limit);
    const before = query.cursor ? readCursor(timelineCursor, query.cursor)[0] : null;
    const rows = await this.timelineRows(orgId, query.incidentId, before, limit + 1, false);
    return boundedPage(rows, limit, toTimelineEntry, (entry) => timelineCursor.encode([entry.version]));
  }

  async notes(orgId: string, query: IncidentPageQuery): Promise<CursorPage<IncidentNote>> {
    const limit = pageLimit(query.limit);
    const before = query.cursor ? readCursor(notesCursor, query.cursor)[0] : null;
    const rows = await this.timelineRows(orgId, query.incidentId, before, limit + 1, true);
    return boundedPage(rows, limit, toNote, (note) => notesCursor.encode([note.version]));
  }

  private timelineRows(
    orgId: string,
    incidentId: string,
    beforeVersion: number | null,
    rows: number,
    notesOnly: boolean,
  ): Promise<TimelineRow[]> {
    return this.dataSource.query(
      `SELECT version, at, type, actor, detail FROM incident_timeline
       WHERE org_id = $1 AND incident_id = $2 AND ($3::integer IS NULL OR version < $3)
         ${notesOnly ? `AND type = 'NoteAdded'` : ''}
       ORDER BY version DESC LIMIT $4`,
      [orgId, incidentId, beforeVersion, rows],
    );
  }
}

function toAlertView(row: AlertRow): IncidentAlertView {
  return {
    position: row.position,
    alertId: row.alert_id,
    dedupKey: row.dedup_key,
    summary: row.summary,
    severity: row.severity,
    receivedAt: row.received_at.toISOString(),
    repeatCount: row.repeat_count,
    lastSeenAt: row.last_seen_at ? row.last_seen_at.toISOString() : null,
    ...(row.context ? { context: row.context } : {}),
  };
}

function toTimelineEntry(row: TimelineRow): TimelineEntry {
  return {
    version: row.version,
    at: row.at.toISOString(),
    type: row.type,
    actor: row.actor,
    detail: row.detail,
  };
}

function toNote(row: TimelineRow): IncidentNote {
  return {
    noteId: String(row.detail.noteId),
    text: String(row.detail.text),
    by: row.actor,
    at: row.at.toISOString(),
    version: row.version,
  };
}
