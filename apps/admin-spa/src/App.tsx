import { useCallback, useEffect, useMemo, useState } from 'react';
import { createApiClient } from './api/client';
import { endpoints } from './api/endpoints';
import { forEachPage } from './api/pages';
import { type ApiProblem, problemOf } from './api/problem';
import type { Me } from './api/types';
import { canRespond } from './auth/permissions';
import { clearToken, readToken, saveToken } from './auth/session';
import { Header } from './components/Header';
import { ProblemMessage } from './components/ProblemMessage';
import { SignIn } from './components/SignIn';
import { usableTimeZone } from './format/time';
import { IncidentDetailPage } from './incidents/IncidentDetailPage';
import { IncidentsPage } from './incidents/IncidentsPage';
import { OnCallPage } from './on-call/OnCallPage';
import type { Route } from './routes';
import { type Session, SessionContext } from './session-context';
import { useRoute } from './use-route';

/** Signs in (a pasted token), then shows the screen the address names. */
export function App() {
  const [token, setToken] = useState<string | null>(() => readToken());
  const [me, setMe] = useState<Me | null>(null);
  const [signInProblem, setSignInProblem] = useState<ApiProblem | null>(null);
  const [loadProblem, setLoadProblem] = useState<ApiProblem | null>(null);
  const [people, setPeople] = useState<ReadonlyMap<string, string>>(new Map());
  const [services, setServices] = useState<ReadonlyMap<string, string>>(new Map());
  const route = useRoute();

  const signOut = useCallback((problem: ApiProblem | null = null) => {
    clearToken();
    setToken(null);
    setMe(null);
    setPeople(new Map());
    setServices(new Map());
    setSignInProblem(problem);
  }, []);

  const api = useMemo(() => (token ? endpoints(createApiClient(token, signOut)) : null), [token, signOut]);

  useEffect(() => {
    if (!api) return;
    let current = true;
    setLoadProblem(null);
    api
      .me()
      .then((found) => {
        if (!current) return;
        setMe(found);
        setSignInProblem(null);
      })
      .catch((error: unknown) => {
        const problem = problemOf(error);
        if (current && problem.status !== 401) setLoadProblem(problem);
      });
    // Names for ids, every page of them (each shown as it arrives); the screens work without them.
    forEachPage(api.people, (items) => {
      if (current) setPeople((known) => withNames(known, items));
    }).catch(() => undefined);
    forEachPage(api.services, (items) => {
      if (current) setServices((known) => withNames(known, items));
    }).catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api]);

  const session = useMemo<Session | null>(
    () =>
      api && token && me
        ? {
            token,
            api,
            me,
            canRespond: canRespond(me.role),
            timeZone: usableTimeZone(me.timeZone),
            people,
            services,
          }
        : null,
    [api, token, me, people, services],
  );

  if (!token) {
    return (
      <SignIn
        problem={signInProblem}
        busy={false}
        onSignIn={(pasted) => {
          saveToken(pasted);
          setToken(pasted);
        }}
      />
    );
  }
  if (!session) {
    return loadProblem ? (
      <main className="sign-in">
        <div className="card sign-in-card">
          <ProblemMessage problem={loadProblem} />
          <button type="button" onClick={() => signOut()}>
            Sign out
          </button>
        </div>
      </main>
    ) : (
      <SignIn problem={null} busy onSignIn={() => undefined} />
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <Header route={route} onSignOut={() => signOut()} />
      <Screen route={route} />
    </SessionContext.Provider>
  );
}

function withNames(
  known: ReadonlyMap<string, string>,
  items: { id: string; name: string }[],
): ReadonlyMap<string, string> {
  const next = new Map(known);
  for (const item of items) next.set(item.id, item.name);
  return next;
}

function Screen({ route }: { route: Route }) {
  switch (route.page) {
    case 'incidents':
      return <IncidentsPage />;
    case 'incident':
      return <IncidentDetailPage key={route.incidentId} incidentId={route.incidentId} />;
    case 'on-call':
      return <OnCallPage />;
    case 'not-found':
      return (
        <main className="page">
          <h1>Not found</h1>
          <p>Nothing lives at {route.path}.</p>
        </main>
      );
  }
}
