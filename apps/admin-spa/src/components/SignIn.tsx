import { type FormEvent, useId, useState } from 'react';
import type { ApiProblem } from '../api/problem';
import { normalizeToken } from '../auth/session';
import { ProblemMessage } from './ProblemMessage';

interface Props {
  problem: ApiProblem | null;
  busy: boolean;
  onSignIn: (token: string) => void;
}

/** Development sign-in: paste a token printed by `npm start` or `npm run token`. */
export function SignIn({ problem, busy, onSignIn }: Props) {
  const [value, setValue] = useState('');
  const fieldId = useId();
  const hintId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const token = normalizeToken(value);
    if (token) onSignIn(token);
  };
  return (
    <main className="sign-in">
      <form className="card sign-in-card" onSubmit={submit} aria-labelledby={`${fieldId}-title`}>
        <h1 id={`${fieldId}-title`}>
          <span className="brand-mark" aria-hidden="true" /> On-Call
        </h1>
        <label htmlFor={fieldId}>Access token</label>
        <textarea
          id={fieldId}
          name="token"
          rows={5}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-describedby={hintId}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          required
        />
        <p id={hintId} className="hint">
          Paste the token printed by <code>npm start</code>, or make one with{' '}
          <code>npm run token -- --org demo-msp --role technician</code>. It is kept in this tab only.
        </p>
        <ProblemMessage problem={problem} />
        <button type="submit" className="primary" disabled={busy || !value.trim()}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
