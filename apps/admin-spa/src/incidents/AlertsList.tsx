import type { IncidentAlertView } from '../api/types';
import { formatDateTime } from '../format/time';
import { useSession } from '../session-context';
import { SeverityBadge } from './SeverityBadge';
import { ColumnHeads } from '../components/ColumnHeads';

/** The incident's alert entries read so far (one per alert key, repeats counted), newest first. */
export function AlertsList({ alerts }: { alerts: IncidentAlertView[] }) {
  const { timeZone } = useSession();
  if (alerts.length === 0) return <p className="empty">No alerts.</p>;
  return (
    <table className="alerts">
      <ColumnHeads columns={['Received', 'Severity', 'Summary', 'Dedup key', 'Repeats']} />
      <tbody>
        {alerts.map((alert) => (
          <tr key={alert.position}>
            <td>{formatDateTime(alert.receivedAt, timeZone)}</td>
            <td>
              <SeverityBadge severity={alert.severity} />
            </td>
            <td>{alert.summary}</td>
            <td>
              <code>{alert.dedupKey}</code>
            </td>
            <td>
              {alert.repeatCount > 0 && alert.lastSeenAt
                ? `×${alert.repeatCount + 1}, last ${formatDateTime(alert.lastSeenAt, timeZone)}`
                : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
