import { NavLink } from 'react-router';
import { canReadAudit, canReadReports } from '../auth/permissions';
import { PATHS } from '../paths';
import { useSession } from '../session-context';

interface Props {
  onSignOut: () => void;
}

type NavGroup = { label: string; links: [to: string, label: string, shown: boolean][] };

/**
 * Brand, who is signed in and sign-out; below them the navigation (only to what the role may see), grouped
 * under visible labels so ten links stay one tidy row on a desktop and scroll sideways on a phone.
 */
export function Header({ onSignOut }: Props) {
  const { me } = useSession();
  const groups: NavGroup[] = [
    {
      label: 'Respond',
      links: [
        [PATHS.incidents, 'Incidents', true],
        [PATHS.onCall, 'On call now', true],
      ],
    },
    {
      label: 'Set up',
      links: [
        [PATHS.schedules, 'Schedules', true],
        [PATHS.policies, 'Escalation policies', true],
        [PATHS.services, 'Services', true],
        [PATHS.clientsRouting, 'Clients and routing', true],
        [PATHS.maintenance, 'Maintenance', true],
        [PATHS.people, 'People', true],
      ],
    },
    {
      label: 'Oversee',
      links: [
        [PATHS.reports, 'Reports', canReadReports(me.role)],
        [PATHS.audit, 'Audit log', canReadAudit(me.role)],
      ],
    },
  ];
  return (
    <header className="top-bar">
      <NavLink to="/" className="brand">
        <span className="brand-mark" aria-hidden="true" /> On-Call
      </NavLink>
      <div className="who" aria-label="Signed in">
        <span className="who-name" title={me.email}>
          {me.name}
        </span>
        <span className={`role role-${me.role}`}>{me.role}</span>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </div>
      <nav aria-label="Main">
        {groups.map(({ label, links }) => {
          const shown = links.filter(([, , visible]) => visible);
          if (shown.length === 0) return null;
          const labelId = `nav-group-${label.replace(/\W+/g, '-').toLowerCase()}`;
          return (
            <div key={label} className="nav-group" role="group" aria-labelledby={labelId}>
              <span className="nav-group-label" id={labelId}>
                {label}
              </span>
              {shown.map(([to, text]) => (
                <NavLink key={to} to={to}>
                  {text}
                </NavLink>
              ))}
            </div>
          );
        })}
      </nav>
    </header>
  );
}
