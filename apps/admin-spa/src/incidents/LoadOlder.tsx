interface Props {
  /** What the button loads, e.g. "alerts". */
  what: string;
  shown: number;
  /** How many there are in all, when known. */
  total?: number;
  hasMore: boolean;
  busy: boolean;
  onLoad: () => void;
}

/** The end of a list read a page at a time: how much is shown, and a button for the next (older) page. */
export function LoadOlder({ what, shown, total, hasMore, busy, onLoad }: Props) {
  if (!hasMore) return null;
  return (
    <p className="load-older">
      <button type="button" onClick={onLoad} disabled={busy}>
        {busy ? 'Loading…' : `Load older ${what}`}
      </button>
      <span className="muted"> {total === undefined ? `${shown} shown` : `${shown} of ${total} shown`}</span>
    </p>
  );
}
