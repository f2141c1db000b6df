import type { ReactNode } from 'react';
import { problemOf } from '../api/problem';
import { ProblemMessage } from './ProblemMessage';

interface Props {
  /** The list's query: pending, failed, or answered with its items. */
  list: { isPending: boolean; error: unknown; data?: readonly unknown[] };
  /** What an empty list means here (the list itself is the screen's own). */
  empty: ReactNode;
  /** The empty message's class: `empty` (default), or `muted` inside a card. */
  emptyClass?: string;
}

/** What a list shows instead of its items: Loading…, the problem it met, or what it means to be empty. */
export function ListStatus({ list, empty, emptyClass = 'empty' }: Props) {
  return (
    <>
      {list.isPending && <p className="empty">Loading…</p>}
      <ProblemMessage problem={list.error ? problemOf(list.error) : null} />
      {list.data?.length === 0 && <p className={emptyClass}>{empty}</p>}
    </>
  );
}
