import { type FormEvent, useId, useState } from 'react';
import type { ApiProblem } from '../api/problem';
import { normalizeToken } from '../auth/session';
import { ProblemMessage } from './ProblemMessage';

interface Props {
  mode: 'hub' | 'development';
  problem: ApiProblem | null;
  onSignIn: (token?: string) => void;
}

/** Hub: one button to Hub's sign-in. Development: paste a token printed by `npm start` or `npm run token`. */
export function SignIn({ mode, problem, onSignIn }: Props) {
  const [value, setValue] = useState('');
  const fieldId = useId();
  const hintId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'hub') return onSignIn();
    const token = normalizeToken(value);
    if (token) onSignIn(token);
  };
  return (
    <main className="sign-in">
      <form className="card sign-in-card" onSubmit={submit} aria-labelledby={`${fieldId}-title`}>
        <h1 id={`${fieldId}-title`}>
          <span className="brand-mark" aria-hidden="true" /> On-Call
        </h1>
        <ProblemMessage problem={problem} />
        {mode === 'hub' ? (
          <button type="submit" className="primary">
            Sign in with Hub
          </button>
        ) : (
          <>
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
            <button type="submit" className="primary" disabled={!value.trim()}>
              Sign in
            </button>
          </>
        )}
      </form>
    </main>
  );
}
