import { INCIDENT_SEVERITIES, type SeverityFilter } from '../api/endpoints';
import { useDirectoryList } from '../api/use-directory-list';
import { asItself, byName, Options } from '../components/Options';

export interface ListFilters {
  severity: SeverityFilter | null;
  serviceId: string | null;
  mine: boolean;
}

interface Props {
  value: ListFilters;
  onChange: (next: ListFilters) => void;
}

/** Severity, service and "assigned to me" filters of the incident list; they wrap on a narrow screen. */
export function IncidentFilterBar({ value, onChange }: Props) {
  const services = useDirectoryList<{ id: string; name: string }>('services');
  return (
    <div className="incident-filters" role="group" aria-label="Incident filters">
      <div>
        <label htmlFor="incident-filter-severity">Severity</label>
        <select
          id="incident-filter-severity"
          value={value.severity ?? ''}
          onChange={(event) =>
            onChange({ ...value, severity: (event.target.value || null) as SeverityFilter | null })
          }
        >
          <Options blank="Any severity" items={INCIDENT_SEVERITIES} option={asItself} />
        </select>
      </div>
      {services.data && (
        <div>
          <label htmlFor="incident-filter-service">Service</label>
          <select
            id="incident-filter-service"
            value={value.serviceId ?? ''}
            onChange={(event) => onChange({ ...value, serviceId: event.target.value || null })}
          >
            <Options blank="Any service" items={services.data} option={byName} />
          </select>
        </div>
      )}
      <label className="inline-label">
        <input
          type="checkbox"
          checked={value.mine}
          onChange={(event) => onChange({ ...value, mine: event.target.checked })}
        />
        Assigned to me
      </label>
    </div>
  );
}

/** The filters as kept in the page's query string (unknown values are ignored). */
export function filtersOf(params: URLSearchParams): ListFilters {
  const severity = params.get('severity');
  return {
    severity: INCIDENT_SEVERITIES.find((known) => known === severity) ?? null,
    serviceId: params.get('service') || null,
    mine: params.get('assignee') === 'me',
  };
}

/** `params` with the filters written in (and an empty filter removed). */
export function withFilters(params: URLSearchParams, filters: ListFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, text: string | null) => (text ? next.set(key, text) : next.delete(key));
  set('severity', filters.severity);
  set('service', filters.serviceId);
  set('assignee', filters.mine ? 'me' : null);
  return next;
}
