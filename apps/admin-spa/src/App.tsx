import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { createApiClient } from './api/client';
import { endpoints } from './api/endpoints';
import { forEachPage } from './api/pages';
import { problemOf } from './api/problem';
import { canRespond } from './auth/permissions';
import { type Auth, useAuth } from './auth/use-auth';
import { Header } from './components/Header';
import { ProblemMessage } from './components/ProblemMessage';
import { SignIn } from './components/SignIn';
import { usableTimeZone } from './format/time';
import { Screens } from './Screens';
import { type Session, SessionContext } from './session-context';

/** Signs in (Hub, or a pasted development token), then shows the screen the address names. */
export function App() {
  const auth = useAuth();
  if (auth.state === 'starting') {
    return auth.problem ? <Stuck problem={auth.problem} /> : <Waiting />;
  }
  if (auth.state === 'signed-out') {
    return <SignIn mode={auth.mode} problem={auth.problem} onSignIn={auth.signIn} />;
  }
  return <SignedIn auth={auth} />;
}

function SignedIn({ auth }: { auth: Extract<Auth, { state: 'signed-in' }> }) {
  const { accessToken, signOut } = auth;
  const api = useMemo(() => endpoints(createApiClient(accessToken, signOut)), [accessToken, signOut]);
  const me = useQuery({ queryKey: ['me'], queryFn: api.me, staleTime: 60_000 });
  // Names for ids, every page of them; the screens work without them.
  const people = useQuery({ queryKey: ['names', 'people'], queryFn: () => namesOf(api.people) });
  const services = useQuery({ queryKey: ['names', 'services'], queryFn: () => namesOf(api.services) });

  const session = useMemo<Session | null>(
    () =>
      me.data
        ? {
            api,
            me: me.data,
            role: me.data.role,
            canRespond: canRespond(me.data.role),
            timeZone: usableTimeZone(me.data.timeZone),
            people: people.data ?? new Map(),
            services: services.data ?? new Map(),
          }
        : null,
    [api, me.data, people.data, services.data],
  );

  if (!session) {
    return me.error ? <Stuck problem={me.error} onSignOut={() => signOut()} /> : <Waiting />;
  }
  return (
    <SessionContext.Provider value={session}>
      <Header onSignOut={() => signOut()} />
      <Screens />
    </SessionContext.Provider>
  );
}

async function namesOf(
  fetchPage: Parameters<typeof forEachPage<{ id: string; name: string }>>[0],
): Promise<ReadonlyMap<string, string>> {
  const names = new Map<string, string>();
  await forEachPage(fetchPage, (items) => items.forEach((item) => names.set(item.id, item.name)));
  return names;
}

function Waiting() {
  return (
    <main className="sign-in">
      <p className="card sign-in-card" role="status">
        Signing in…
      </p>
    </main>
  );
}

function Stuck({ problem, onSignOut }: { problem: Error; onSignOut?: () => void }) {
  return (
    <main className="sign-in">
      <div className="card sign-in-card">
        <ProblemMessage problem={problemOf(problem)} />
        {onSignOut && (
          <button type="button" onClick={onSignOut}>
            Sign out
          </button>
        )}
      </div>
    </main>
  );
}
