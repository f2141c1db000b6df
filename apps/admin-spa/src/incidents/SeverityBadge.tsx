import type { IncidentSummary } from '../api/types';

export function SeverityBadge({ severity }: { severity: IncidentSummary['severity'] }) {
  return <span className={`severity severity-${severity}`}>{severity}</span>;
}
