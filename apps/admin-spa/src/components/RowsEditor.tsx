import { Fragment, type ReactNode } from 'react';
import { FieldProblem } from './FieldProblem';
import { withItemAt } from './with-item-at';

/** What a row's editor is given: its place, a change of it, and its removal (none while it is the only row). */
export interface RowEdit<T> {
  index: number;
  onChange: (row: T) => void;
  onRemove?: () => void;
}

interface Props<T> {
  /** The list's accessible name ("Steps", "Layers"). */
  label: string;
  rows: readonly T[];
  /** Applies a change of the rows to the current draft (a state updater, so that changes made together add up). */
  update: (change: (rows: readonly T[]) => T[]) => void;
  /** One row's editor. */
  row: (row: T, edit: RowEdit<T>) => ReactNode;
  /** The rows' own problem (too few, too many), shown below them as `problemId`. */
  problemId: string;
  problem: string | undefined;
  max: number;
  /** The add button's text, and the row it adds to the rows there are. */
  add: string;
  newRow: (rows: readonly T[]) => T;
}

/**
 * An editor's ordered rows (a policy's steps, a schedule's layers): each row's editor, which may change or
 * remove it, the rows' problem, and a button that adds one while there are fewer than `max`.
 */
export function RowsEditor<T>({ label, rows, update, row, problemId, problem, max, add, newRow }: Props<T>) {
  const setRow = (index: number, next: T | null) => update((current) => withItemAt(current, index, next));
  return (
    <>
      <ol className="steps" aria-label={label}>
        {rows.map((item, index) => (
          <Fragment key={index}>
            {row(item, {
              index,
              onChange: (next) => setRow(index, next),
              onRemove: rows.length > 1 ? () => setRow(index, null) : undefined,
            })}
          </Fragment>
        ))}
      </ol>
      <FieldProblem id={problemId} message={problem} />
      {rows.length < max && (
        <button type="button" onClick={() => update((current) => [...current, newRow(current)])}>
          {add}
        </button>
      )}
    </>
  );
}
