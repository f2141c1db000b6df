import { type FormEvent, useState } from 'react';
import type { ApiProblem } from '../api/problem';
import { fieldMessage } from './FieldProblem';

/** The API's limit on the name of a client, service or integration. */
const NAME_MAX = 200;

/**
 * The name a short create form asks for (a client, a service, an integration): required, checked from the
 * first submit on, and the form sent only with one.
 */
export function useRequiredName(thing: string) {
  const [name, setName] = useState('');
  const [checked, setChecked] = useState(false);
  const local: Record<string, string> = checked && !name.trim() ? { name: `Give the ${thing} a name.` } : {};
  return {
    name,
    /** Its TextField's props: `${formId}-name`, showing the check's problem, else the API's for `name`. */
    field: (formId: string, label: string, sent: ApiProblem | null) => ({
      id: `${formId}-name`,
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
