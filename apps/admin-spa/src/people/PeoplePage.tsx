import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { canConfigure } from '../auth/permissions';
import { ColumnHeads } from '../components/ColumnHeads';
import { ListStatus } from '../components/ListStatus';
import { personPath } from '../paths';
import { useSession } from '../session-context';
import { PEOPLE_KEY, peopleApi, type PersonView } from './people-api';
import { NewPerson } from './NewPerson';
import { Teams } from './Teams';

/** People of the organization with their roles, and the teams they form (managers build the teams). */
export default function PeoplePage() {
  const { api, me, role } = useSession();
  const people = useQuery({ queryKey: PEOPLE_KEY, queryFn: peopleApi(api.client).people });
  const sorted = useMemo(
    () => [...(people.data ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    [people.data],
  );
  // Someone else's contact methods are a manager's to see and change; everyone manages their own.
  const mayOpen = (person: PersonView) => person.id === me.id || canConfigure(role);
  const [adding, setAdding] = useState(false);

  return (
    <main className="page people-page">
      <div className="page-head">
        <h1>People</h1>
        <Link to={personPath(me.id)} className="button-link">
          Your contact methods
        </Link>
        {canConfigure(role) && !adding && (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            Add person
          </button>
        )}
      </div>
      {adding && <NewPerson onDone={() => setAdding(false)} />}
      <section className="card" aria-labelledby="people-title">
        <h2 id="people-title">Everyone</h2>
        <ListStatus list={people} empty="Nobody here yet." />
        {sorted.length > 0 && (
          <table className="people">
            <ColumnHeads columns={['Name', 'Email', 'Role', { label: 'Contact methods', hidden: true }]} />
            <tbody>
              {sorted.map((person) => (
                <tr key={person.id}>
                  <td>
                    <strong>{person.name}</strong>
                    {!person.active && <span className="muted"> (deactivated)</span>}
                    {person.active && !person.signedIn && <span className="muted"> (not signed in yet)</span>}
                  </td>
                  <td>{person.email}</td>
                  <td>
                    <span className={`role role-${person.role}`}>{person.role}</span>
                  </td>
                  <td>
                    {mayOpen(person) && (
                      <Link to={personPath(person.id)} aria-label={`Contact methods of ${person.name}`}>
                        {person.id === me.id ? 'Yours' : 'Contact methods'}
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Teams people={sorted} />
    </main>
  );
}
