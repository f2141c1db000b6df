import type { ApiClient } from './client';
import type {
  IncidentCommandResult,
  IncidentDetail,
  IncidentPage,
  IncidentStatusName,
  Me,
  OnCallNow,
  Page,
  Person,
  ServiceRef,
} from './types';

export type StatusFilter = IncidentStatusName | 'all';
export type IncidentAction = 'acknowledge' | 'resolve';

export const PAGE_SIZE = 25;

/** GET /api/v1/incidents query string: newest first, one status (or all), one page. */
export function incidentsQuery(status: StatusFilter, cursor: string | null, limit = PAGE_SIZE): string {
  const params = new URLSearchParams({ sort: 'newest', limit: String(limit) });
  if (status !== 'all') params.set('status', status);
  if (cursor) params.set('cursor', cursor);
  return `/api/v1/incidents?${params.toString()}`;
}

export function incidentPath(incidentId: string, action?: string): string {
  const base = `/api/v1/incidents/${encodeURIComponent(incidentId)}`;
  return action ? `${base}/${action}` : base;
}

/** The calls the screens make, typed. */
export function endpoints(api: ApiClient) {
  return {
    me: () => api.get<Me>('/api/v1/me'),
    people: () => api.get<Page<Person>>('/api/v1/users?limit=200'),
    services: () => api.get<Page<ServiceRef>>('/api/v1/services?limit=200'),
    incidents: (status: StatusFilter, cursor: string | null) =>
      api.get<IncidentPage>(incidentsQuery(status, cursor)),
    incident: (incidentId: string) => api.get<IncidentDetail>(incidentPath(incidentId)),
    act: (incidentId: string, action: IncidentAction, expectedVersion: number) =>
      api.post<IncidentCommandResult>(incidentPath(incidentId, action), { expectedVersion }),
    /** Without expectedVersion: a note stands whatever happened to the incident meanwhile. */
    addNote: (incidentId: string, text: string) =>
      api.post<IncidentCommandResult>(incidentPath(incidentId, 'notes'), { text }),
    onCallNow: () => api.get<{ items: OnCallNow[] }>('/api/v1/on-call'),
  };
}

export type Endpoints = ReturnType<typeof endpoints>;
