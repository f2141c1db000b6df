import { NavLink } from 'react-router';
import { canReadAudit, canReadReports } from '../auth/permissions';
import { PATHS } from '../paths';
import { useSession } from '../session-context';

interface Props {
  onSignOut: () => void;
}

/** Brand, navigation (only to what the role may see), who is signed in, and sign-out. */
export function Header({ onSignOut }: Props) {
  const { me } = useSession();
  const links: [string, string, boolean][] = [
    [PATHS.incidents, 'Incidents', true],
    [PATHS.onCall, 'On call now', true],
    [PATHS.schedules, 'Schedules', true],
    [PATHS.policies, 'Escalation policies', true],
    [PATHS.services, 'Services', true],
    [PATHS.people, 'People', true],
    [PATHS.reports, 'Reports', canReadReports(me.role)],
    [PATHS.audit, 'Audit log', canReadAudit(me.role)],
  ];
  return (
    <header className="top-bar">
      <NavLink to="/" className="brand">
        <span className="brand-mark" aria-hidden="true" /> On-Call
      </NavLink>
      <nav aria-label="Main">
        {links
          .filter(([, , shown]) => shown)
          .map(([to, label]) => (
            <NavLink key={to} to={to}>
              {label}
            </NavLink>
          ))}
      </nav>
      <div className="who" aria-label="Signed in">
        <span className="who-name" title={me.email}>
          {me.name}
        </span>
        <span className={`role role-${me.role}`}>{me.role}</span>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
