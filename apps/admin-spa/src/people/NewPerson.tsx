import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { SchemaCreateUserDto } from '../api/generated/openapi';
import { type ApiProblem, withApiProblem } from '../api/problem';
import type { Role } from '../api/types';
import { fieldMessage } from '../components/FieldProblem';
import { EditorCard } from '../components/EditorCard';
import { FormActions } from '../components/FormActions';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useSession } from '../session-context';
import { personProblems } from './people-drafts';
import { PEOPLE_KEY, peopleApi } from './people-api';

const ROLES: readonly Role[] = ['technician', 'manager', 'owner'];

/** A person added before their first Hub sign-in, which links them by email (and sets name and role again). */
export function NewPerson({ onDone }: { onDone: () => void }) {
  const { api } = useSession();
  const queryClient = useQueryClient();
  const id = useId();
  const [draft, setDraft] = useState<SchemaCreateUserDto>({ email: '', name: '', role: 'technician' });
  const [checked, setChecked] = useState(false);
  const add = useMutation<unknown, ApiProblem, SchemaCreateUserDto>({
    mutationFn: (body) => withApiProblem(() => peopleApi(api.client).addPerson(body)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: PEOPLE_KEY });
      await queryClient.invalidateQueries({ queryKey: ['names', 'people'] });
      onDone();
    },
  });
  const local = checked ? personProblems(draft) : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(personProblems(draft)).length === 0) {
      add.mutate({ ...draft, email: draft.email.trim(), name: draft.name.trim() });
    }
  };
  const field = (name: 'email' | 'name', label: string, type: string) => (
    <TextField
      id={`${id}-${name}`}
      label={label}
      type={type}
      value={draft[name]}
      maxLength={name === 'email' ? 320 : 200}
      problem={fieldMessage(name, local, add.error)}
      onChange={(value) => setDraft({ ...draft, [name]: value })}
    />
  );
  return (
    <EditorCard id={id} title="Add a person" onSubmit={submit}>
      {field('name', 'Full name', 'text')}
      {field('email', 'Email (their Hub sign-in)', 'email')}
      <SelectField
        id={`${id}-role`}
        label="Role"
        value={draft.role}
        problem={fieldMessage('role', {}, add.error)}
        onChange={(value) => setDraft({ ...draft, role: value as Role })}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </SelectField>
      <FormActions mutation={add} submit="Add person" pending="Adding…" onCancel={onDone} />
    </EditorCard>
  );
}
