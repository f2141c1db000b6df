import { type FormEvent, useId, useState } from 'react';
import { type ApiProblem, problemOf } from '../api/problem';
import { ProblemMessage } from '../components/ProblemMessage';
import { useSession } from '../session-context';

/** Same bound as the API (NOTE_MAX_LENGTH in libs/incident/domain). */
const MAX_LENGTH = 10_000;

interface Props {
  incidentId: string;
  /** Called with the incident's version after the note. */
  onAdded: (version: number) => void;
}

export function NoteForm({ incidentId, onAdded }: Props) {
  const { api } = useSession();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const fieldId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await api.addNote(incidentId, text.trim());
      setText('');
      onAdded(result.incident.version);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="note-form" onSubmit={(event) => void submit(event)}>
      <label htmlFor={fieldId}>Add a note</label>
      <textarea
        id={fieldId}
        rows={3}
        maxLength={MAX_LENGTH}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <ProblemMessage problem={problem} inline />
      <button type="submit" className="primary" disabled={busy || !text.trim()}>
        {busy ? 'Adding…' : 'Add note'}
      </button>
    </form>
  );
}
