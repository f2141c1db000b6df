import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { type ApiProblem, withApiProblem } from '../api/problem';
import { ProblemMessage } from '../components/ProblemMessage';
import { useSession } from '../session-context';

/**
 * The viewer's own shifts as an iCalendar link for Outlook or Google Calendar. The API shows a link once
 * and a new one replaces the old, so getting it is a deliberate act.
 */
export function CalendarLink() {
  const { api } = useSession();
  const id = useId();
  const [copied, setCopied] = useState<string>('');
  const link = useMutation<{ url: string }, ApiProblem>({
    mutationFn: () => withApiProblem(() => api.client.post<{ url: string }>('/api/v1/me/calendar-feed')),
    onSuccess: () => setCopied(''),
  });
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Copied.');
    } catch {
      setCopied('The browser did not let us copy: select the link and copy it.');
    }
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>My shifts in my calendar</h2>
      <p className="muted">
        Subscribe to this link in Outlook or Google Calendar. A new link stops the old one from working.
      </p>
      {link.data ? (
        <div className="copy-row">
          <label htmlFor={`${id}-url`} className="visually-hidden">
            Calendar link
          </label>
          <input id={`${id}-url`} readOnly value={link.data.url} onFocus={(event) => event.target.select()} />
          <button type="button" onClick={() => void copy(link.data.url)}>
            Copy link
          </button>
          <span role="status">{copied}</span>
        </div>
      ) : (
        <button type="button" onClick={() => link.mutate()} disabled={link.isPending}>
          {link.isPending ? 'Getting the link…' : 'Get my calendar link'}
        </button>
      )}
      <ProblemMessage problem={link.error} />
    </section>
  );
}
