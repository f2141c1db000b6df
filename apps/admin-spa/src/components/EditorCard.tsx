import type { FormEvent, ReactNode } from 'react';

interface Props {
  /** The form's `useId()`: its heading is `${id}-title`, and names the form. */
  id: string;
  title: string;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}

/** A form on a card of its own (creating or editing one thing), named by its heading; checks are ours. */
export function EditorCard({ id, title, onSubmit, children }: Props) {
  return (
    <form className="card editor" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </form>
  );
}
