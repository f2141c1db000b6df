/** Data of one `incident` server-sent event of GET /api/v1/live/incidents. */
export interface IncidentChange {
  incidentId: string;
  type: string;
  version: number | null;
  at: string | null;
}

/** Parses an event's data; anything that is not an incident change is ignored (null). */
export function parseIncidentChange(data: unknown): IncidentChange | null {
  if (typeof data !== 'string' || !data) return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { incidentId, type, version, at } = value as Record<string, unknown>;
  if (typeof incidentId !== 'string' || !incidentId || typeof type !== 'string') return null;
  return {
    incidentId,
    type,
    version: typeof version === 'number' ? version : null,
    at: typeof at === 'string' ? at : null,
  };
}

/**
 * EventSource cannot send headers, and a token in a URL would end up in logs and history: the stream is
 * opened with a single-use ticket (POST /api/v1/live/tickets) instead, never the token.
 */
export function liveIncidentsUrl(ticket: string): string {
  return `/api/v1/live/incidents?ticket=${encodeURIComponent(ticket)}`;
}
