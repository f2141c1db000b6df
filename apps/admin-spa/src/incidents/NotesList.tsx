import type { IncidentNote } from '../api/types';
import { actorLabel } from '../format/labels';
import { formatDateTime } from '../format/time';
import { useSession } from '../session-context';

/** The incident's notes read so far, newest first. */
export function NotesList({ notes }: { notes: IncidentNote[] }) {
  const { people, timeZone } = useSession();
  if (notes.length === 0) return <p className="empty">No notes yet.</p>;
  return (
    <ul className="notes">
      {notes.map((note) => (
        <li key={note.noteId}>
          <p>{note.text}</p>
          <span className="muted">
            {actorLabel(note.by, people)} ·{' '}
            <time dateTime={note.at}>{formatDateTime(note.at, timeZone)}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}
