import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { canConfigure } from '../auth/permissions';
import { HeadWithNew } from '../components/HeadWithNew';
import { ListStatus } from '../components/ListStatus';
import { useSession } from '../session-context';
import { peopleApi, TEAMS_KEY, type PersonView, type TeamView } from './people-api';
import { TeamEditor } from './TeamEditor';

/** Teams and their members; managers create teams and change who is in them. */
export function Teams({ people }: { people: PersonView[] }) {
  const { api, role, people: names } = useSession();
  const editable = canConfigure(role);
  const teams = useQuery({ queryKey: TEAMS_KEY, queryFn: peopleApi(api.client).teams });
  const [editing, setEditing] = useState<TeamView | 'new' | null>(null);
  const nameOf = (id: string) =>
    people.find((person) => person.id === id)?.name ?? names.get(id) ?? 'someone removed';

  return (
    <section className="card" aria-labelledby="teams-title">
      <HeadWithNew label="New team" offered={editable && editing === null} onNew={() => setEditing('new')}>
        <h2 id="teams-title">Teams</h2>
      </HeadWithNew>
      {editing !== null && (
        <TeamEditor
          key={editing === 'new' ? 'new' : editing.id}
          team={editing === 'new' ? null : editing}
          people={people}
          onDone={() => setEditing(null)}
        />
      )}
      <ListStatus list={teams} empty={<>No teams yet.{editable && ' Create one with New team.'}</>} />
      {teams.data && teams.data.length > 0 && (
        <ul className="team-list">
          {teams.data.map((team) => (
            <li key={team.id} className="team" aria-label={team.name}>
              <div className="team-head">
                <h3>{team.name}</h3>
                {editable && (
                  <button type="button" onClick={() => setEditing(team)} aria-label={`Edit ${team.name}`}>
                    Edit
                  </button>
                )}
              </div>
              {team.description && <p className="muted">{team.description}</p>}
              {team.memberIds.length === 0 ? (
                <p className="muted">No members.</p>
              ) : (
                <p>
                  <span className="visually-hidden">Members: </span>
                  {team.memberIds
                    .map(nameOf)
                    .sort((a, b) => a.localeCompare(b))
                    .join(', ')}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
