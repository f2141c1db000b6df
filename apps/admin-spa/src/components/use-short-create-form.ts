import { type FormEvent, useId, useState } from 'react';
import type { ApiProblem } from '../api/problem';
import { fieldMessage } from './FieldProblem';

/** The API's limit on the name of a client, service or integration. */
const NAME_MAX = 200;

/**
 * A short create form (a client, a service, an integration): its id, which its fields' ids start with, and
 * the name it asks for: required, checked from the first submit on, and the form sent only with one.
 */
export function useShortCreateForm(thing: string) {
  const id = useId();
  const [name, setName] = useState('');
  const [checked, setChecked] = useState(false);
  const local: Record<string, string> = checked && !name.trim() ? { name: `Give the ${thing} a name.` } : {};
  return {
    id,
    name,
    /** The name's TextField props: `${id}-name`, showing the check's problem, else the API's for `name`. */
    nameField: (label: string, sent: ApiProblem | null) => ({
      id: `${id}-name`,
      label,
      value: name,
      maxLength: NAME_MAX,
      problem: fieldMessage('name', local, sent),
      onChange: setName,
    }),
    /** The form's submit handler: checks the name and calls `send` only if one is given. */
    submit: (send: () => void) => (event: FormEvent) => {
      event.preventDefault();
      setChecked(true);
      if (name.trim()) send();
    },
    /** After a create: an empty name, not checked until the next submit. */
    clear: () => {
      setName('');
      setChecked(false);
    },
  };
}
