import type { ReactNode } from 'react';

interface Props {
  /** The heading (an h1 for a page, an h2 for a section). */
  children: ReactNode;
  /** The button's words, e.g. "New policy". */
  label: string;
  /** Whether to offer it: the viewer may configure, and no editor is open yet. */
  offered: boolean;
  onNew: () => void;
}

/** A list's heading with the button that opens the editor of a new one beside it. */
export function HeadWithNew({ children, label, offered, onNew }: Props) {
  return (
    <div className="page-head">
      {children}
      {offered && (
        <button type="button" className="primary" onClick={onNew}>
          {label}
        </button>
      )}
    </div>
  );
}
