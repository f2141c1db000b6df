import { TextField } from './TextField';

interface Props {
  /** The form's `useId()`: the fields are `${id}-name` and `${id}-description`. */
  id: string;
  draft: { name: string; description: string };
  nameMax: number;
  descriptionMax?: number;
  /** The name's problem, if any (the description has nothing to check). */
  nameProblem: string | undefined;
  onChange: (change: { name: string } | { description: string }) => void;
}

/** The Name and Description fields that open an editor of a named thing (a policy, a schedule). */
export function NameAndDescription({ id, draft, nameMax, descriptionMax, nameProblem, onChange }: Props) {
  return (
    <>
      <TextField
        id={`${id}-name`}
        label="Name"
        value={draft.name}
        maxLength={nameMax}
        problem={nameProblem}
        onChange={(name) => onChange({ name })}
      />
      <TextField
        id={`${id}-description`}
        label="Description"
        value={draft.description}
        maxLength={descriptionMax}
        onChange={(description) => onChange({ description })}
      />
    </>
  );
}
