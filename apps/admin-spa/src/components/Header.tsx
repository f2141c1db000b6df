import type { Route } from '../routes';
import { useSession } from '../session-context';
import { Link } from './Link';

interface Props {
  route: Route;
  onSignOut: () => void;
}

/** Brand, navigation, who is signed in, and sign-out. */
export function Header({ route, onSignOut }: Props) {
  const { me } = useSession();
  const onIncidents = route.page === 'incidents' || route.page === 'incident';
  return (
    <header className="top-bar">
      <Link to="/" className="brand">
        <span className="brand-mark" aria-hidden="true" /> On-Call
      </Link>
      <nav aria-label="Main">
        <Link to="/" current={onIncidents}>
          Incidents
        </Link>
        <Link to="/on-call" current={route.page === 'on-call'}>
          On call now
        </Link>
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
