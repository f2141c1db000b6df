/** Addresses of the SPA's screens; admin-api answers index.html for each of them. */
export const PATHS = {
  incidents: '/',
  onCall: '/on-call',
  schedules: '/schedules',
  policies: '/escalation-policies',
  services: '/services',
  reports: '/reports',
  audit: '/audit-log',
  people: '/people',
} as const;

export function incidentPath(incidentId: string): string {
  return `/incidents/${encodeURIComponent(incidentId)}`;
}

/** One person's contact methods and notification rules. */
export function personPath(userId: string): string {
  return `/people/${encodeURIComponent(userId)}`;
}

/**
 * The router hands over a segment it could not decode as it was; such an address names nothing (it would
 * otherwise reach the API as a different id). null = not valid percent-encoding.
 */
export function decodedSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
