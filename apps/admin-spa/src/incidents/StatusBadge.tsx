import type { IncidentStatusName } from '../api/types';

const LABELS: Record<IncidentStatusName, string> = {
  triggered: 'Triggered',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

export function StatusBadge({ status }: { status: IncidentStatusName }) {
  return <span className={`badge status-${status}`}>{LABELS[status] ?? status}</span>;
}
