import type { IncidentRecord, ReportWindow } from './report.types';

/** What a report is about: incidents opened in the window, narrowed by any of the filters given. */
export interface IncidentFilter {
  readonly window: ReportWindow;
  readonly serviceIds?: readonly string[];
  readonly severities?: readonly string[];
  /** Source integrations; `none` matches incidents whose source is not known. */
  readonly sourceIds?: readonly string[];
}

export function matchesFilter(incident: IncidentRecord, filter: IncidentFilter): boolean {
  const opened = Date.parse(incident.openedAt);
  if (opened < Date.parse(filter.window.from) || opened >= Date.parse(filter.window.to)) return false;
  if (filter.serviceIds && !filter.serviceIds.includes(incident.serviceId)) return false;
  if (filter.severities && !filter.severities.includes(incident.severity)) return false;
  if (filter.sourceIds && !filter.sourceIds.includes(incident.sourceId ?? 'none')) return false;
  return true;
}
