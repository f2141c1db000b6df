import type { ApiClient } from './client';
import type {
  CursorPage,
  IncidentAlertView,
  IncidentCommandResult,
  IncidentNote,
  LiveTicket,
  IncidentDetail,
  IncidentPage,
  IncidentStatusName,
  Me,
  OnCallNowView,
  Page,
  Person,
  PsaConnectionState,
  ServiceRef,
  TimelineEntry,
  TicketRequestView,
} from './types';

export type ReassignTarget =
  { kind: 'users'; userIds: string[] } | { kind: 'escalation-level'; level: number };

export type StatusFilter = IncidentStatusName | 'all';
export type IncidentAction = 'acknowledge' | 'resolve';

export const PAGE_SIZE = 25;

/** Severities the incident list can be filtered by (SEVERITIES in libs/contracts). */
export const INCIDENT_SEVERITIES = ['critical', 'high', 'warning', 'info'] as const;
export type SeverityFilter = (typeof INCIDENT_SEVERITIES)[number];

/** Filters of the incident list besides status; an absent one does not filter. */
export interface IncidentFilters {
  severity?: SeverityFilter | null;
  serviceId?: string | null;
  assigneeId?: string | null;
}

/** GET /api/v1/incidents query string: newest first, one status (or all), the filters, one page. */
export function incidentsQuery(
  status: StatusFilter,
  cursor: string | null,
  limit = PAGE_SIZE,
  filters: IncidentFilters = {},
): string {
  const params = new URLSearchParams({ sort: 'newest', limit: String(limit) });
  if (status !== 'all') params.set('status', status);
  if (filters.severity) params.set('severity', filters.severity);
  if (filters.serviceId) params.set('serviceId', filters.serviceId);
  if (filters.assigneeId) params.set('assigneeId', filters.assigneeId);
  if (cursor) params.set('cursor', cursor);
  return `/api/v1/incidents?${params.toString()}`;
}

/** One page of a directory list: the most the API gives at once, from `cursor` (null = the first page). */
export function directoryPageQuery(path: string, cursor: string | null, limit = DIRECTORY_PAGE_SIZE): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  return `${path}?${params.toString()}`;
}

export const DIRECTORY_PAGE_SIZE = 200;

/** The lists of one incident that come a page at a time (newest first) after the detail's first page. */
export type IncidentList = 'alerts' | 'notes' | 'timeline';

export interface IncidentListItem {
  alerts: IncidentAlertView;
  notes: IncidentNote;
  timeline: TimelineEntry;
}

/** GET /api/v1/incidents/{id}/{list}: the page after `cursor`. */
export function incidentListQuery(incidentId: string, list: IncidentList, cursor: string): string {
  const params = new URLSearchParams({ cursor, limit: String(PAGE_SIZE * 2) });
  return `${incidentPath(incidentId, list)}?${params.toString()}`;
}

export function incidentPath(incidentId: string, action?: string): string {
  const base = `/api/v1/incidents/${encodeURIComponent(incidentId)}`;
  return action ? `${base}/${action}` : base;
}

/** The calls the screens make, typed. */
export function endpoints(api: ApiClient) {
  return {
    /** The client itself, for the configuration screens' reads and writes. */
    client: api,
    me: () => api.get<Me>('/api/v1/me'),
    people: (cursor: string | null = null) =>
      api.get<Page<Person>>(directoryPageQuery('/api/v1/users', cursor)),
    services: (cursor: string | null = null) =>
      api.get<Page<ServiceRef>>(directoryPageQuery('/api/v1/services', cursor)),
    incidents: (status: StatusFilter, cursor: string | null, filters: IncidentFilters = {}) =>
      api.get<IncidentPage>(incidentsQuery(status, cursor, PAGE_SIZE, filters)),
    incident: (incidentId: string) => api.get<IncidentDetail>(incidentPath(incidentId)),
    incidentList: <L extends IncidentList>(incidentId: string, list: L, cursor: string) =>
      api.get<CursorPage<IncidentListItem[L]>>(incidentListQuery(incidentId, list, cursor)),
    act: (incidentId: string, action: IncidentAction, expectedVersion: number) =>
      api.post<IncidentCommandResult>(incidentPath(incidentId, action), { expectedVersion }),
    /** Without expectedVersion: a note stands whatever happened to the incident meanwhile. */
    addNote: (incidentId: string, text: string) =>
      api.post<IncidentCommandResult>(incidentPath(incidentId, 'notes'), { text }),
    snooze: (incidentId: string, durationMinutes: number, expectedVersion: number) =>
      api.post<IncidentCommandResult>(incidentPath(incidentId, 'snooze'), {
        durationMinutes,
        expectedVersion,
      }),
    reassign: (incidentId: string, to: ReassignTarget, expectedVersion: number) =>
      api.post<IncidentCommandResult>(incidentPath(incidentId, 'reassign'), { to, expectedVersion }),
    escalate: (incidentId: string, fromLevel: number, expectedVersion: number) =>
      api.post<IncidentCommandResult>(incidentPath(incidentId, 'escalate'), {
        fromLevel,
        toLevel: fromLevel + 1,
        expectedVersion,
      }),
    /** Folds `sourceIncidentIds` into `incidentId` (they resolve as merged). */
    merge: (incidentId: string, sourceIncidentIds: string[]) =>
      api.post<IncidentCommandResult>(incidentPath(incidentId, 'merge'), { sourceIncidentIds }),
    onCallNow: () => api.get<{ items: OnCallNowView[] }>('/api/v1/on-call'),
    /** Whether incidents get PSA tickets on this platform. */
    psaStatus: () => api.get<PsaConnectionState>('/api/v1/psa/status'),
    /** Once per incident: answers the existing ticket, or `pending` while it is made. */
    requestTicket: (incidentId: string) => api.post<TicketRequestView>(incidentPath(incidentId, 'ticket')),
    /** A single-use ticket to open the live stream with (EventSource cannot send the token). */
    liveTicket: () => api.post<LiveTicket>('/api/v1/live/tickets'),
  };
}

export type Endpoints = ReturnType<typeof endpoints>;
