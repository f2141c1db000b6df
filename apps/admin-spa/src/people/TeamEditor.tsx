import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { type ApiProblem, withApiProblem } from '../api/problem';
import { FieldProblem, fieldMessage } from '../components/FieldProblem';
import { FormActions } from '../components/FormActions';
import { TextField } from '../components/TextField';
import { useSession } from '../session-context';
import { teamProblems, type TeamDraft } from './people-drafts';
import { peopleApi, TEAMS_KEY, type PersonView, type TeamView } from './people-api';

interface Props {
  team: TeamView | null;
  people: PersonView[];
  onDone: () => void;
}

/** A team's name and members. A new team is created, then given its members (two calls, as the API has). */
export function TeamEditor({ team, people, onDone }: Props) {
  const { api } = useSession();
  const queryClient = useQueryClient();
  const id = useId();
  const [draft, setDraft] = useState<TeamDraft>({ name: team?.name ?? '', memberIds: team?.memberIds ?? [] });
  const [checked, setChecked] = useState(false);
  const save = useMutation<unknown, ApiProblem, TeamDraft>({
    mutationFn: async ({ name, memberIds }) => {
      const calls = peopleApi(api.client);
      return withApiProblem(async () => {
        let teamId = team?.id;
        if (!teamId) teamId = (await calls.createTeam({ name: name.trim() })).id;
        else if (name.trim() !== team?.name) await calls.renameTeam(teamId, name.trim());
        return await calls.replaceMembers(teamId, { userIds: memberIds });
      });
    },
    // Also after a refusal: a new team may exist without its members yet.
    onSettled: () => queryClient.invalidateQueries({ queryKey: TEAMS_KEY }),
    onSuccess: onDone,
  });
  const local = checked ? teamProblems(draft) : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(teamProblems(draft)).length === 0) save.mutate(draft);
  };
  const toggle = (userId: string, on: boolean) =>
    setDraft({
      ...draft,
      memberIds: on ? [...draft.memberIds, userId] : draft.memberIds.filter((x) => x !== userId),
    });
  const title = team ? `Edit ${team.name}` : 'New team';
  const nameProblem = fieldMessage('name', local, save.error);
  const membersProblem = fieldMessage('userIds', local, save.error);

  return (
    <form className="editor team-editor" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <TextField
        id={`${id}-name`}
        label="Team name"
        value={draft.name}
        maxLength={200}
        onChange={(value) => setDraft({ ...draft, name: value })}
        problem={nameProblem}
      />
      <fieldset className="member-picker" aria-describedby={`${id}-members-problem`}>
        <legend>Members</legend>
        {people.length === 0 && <p className="muted">Nobody to add yet.</p>}
        {people
          .filter((person) => person.active || draft.memberIds.includes(person.id))
          .map((person) => (
            <label key={person.id} className="check">
              <input
                type="checkbox"
                checked={draft.memberIds.includes(person.id)}
                onChange={(event) => toggle(person.id, event.target.checked)}
              />
              {person.name}
            </label>
          ))}
        <FieldProblem id={`${id}-members-problem`} message={membersProblem} />
      </fieldset>
      <FormActions
        mutation={save}
        submit={team ? 'Save team' : 'Create team'}
        pending="Saving…"
        onCancel={onDone}
      />
    </form>
  );
}
