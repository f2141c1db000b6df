import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { User, UserManager } from 'oidc-client-ts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiProblem, problemOf } from '../api/problem';
import { CALLBACK_PATH, hubUserManager, returnPath, safeReturnPath } from './hub-sign-in';
import { clearToken, readToken, saveToken } from './session';
import { loadSignInConfig, type SignInConfig } from './sign-in-config';

export type Auth =
  | { state: 'starting'; problem: ApiProblem | null }
  | {
      state: 'signed-out';
      mode: SignInConfig['mode'];
      problem: ApiProblem | null;
      /** Development: the pasted token. Hub: off to Hub's sign-in page. */
      signIn: (token?: string) => void;
    }
  | {
      state: 'signed-in';
      mode: SignInConfig['mode'];
      accessToken: () => string;
      signOut: (problem?: ApiProblem | null) => void;
    };

/**
 * Who is signed in and how: Hub (OIDC code + PKCE, tokens in memory) when admin-api names an issuer, the
 * pasted development token otherwise. A 401 or the end of the access token signs out with a reason.
 */
export function useAuth(): Auth {
  const config = useQuery({ queryKey: ['sign-in-config'], queryFn: loadSignInConfig, staleTime: Infinity });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [token, setToken] = useState<string | null>(() => readToken());
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [redeeming, setRedeeming] = useState(location.pathname === CALLBACK_PATH);
  const manager = useRef<UserManager | null>(null);
  const hubUser = useRef<User | null>(null);
  const tokenRef = useRef(token);
  tokenRef.current = token;

  const hub = config.data?.mode === 'hub' ? config.data : null;
  if (hub && !manager.current) manager.current = hubUserManager(hub.issuer, hub.clientId);

  const signOut = useCallback(
    (reason: ApiProblem | null = null) => {
      clearToken();
      setToken(null);
      hubUser.current = null;
      setProblem(reason);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'sign-in-config' });
      void manager.current?.removeUser();
    },
    [queryClient],
  );

  useEffect(() => {
    const users = manager.current;
    if (!users || !redeeming) return;
    users
      .signinRedirectCallback()
      .then((user) => {
        hubUser.current = user;
        setToken(user.access_token);
        navigate(safeReturnPath((user.state as { returnTo?: unknown } | undefined)?.returnTo), {
          replace: true,
        });
      })
      .catch((error: unknown) => {
        setProblem(
          new ApiProblem(401, 'Sign-in failed', `Hub did not sign you in: ${problemOf(error).detail}`),
        );
        navigate('/', { replace: true });
      })
      .finally(() => setRedeeming(false));
  }, [hub, redeeming, navigate]);

  useEffect(() => {
    const users = manager.current;
    if (!users) return;
    const expired = () => signOut(sessionEnded());
    users.events.addAccessTokenExpired(expired);
    return () => users.events.removeAccessTokenExpired(expired);
  }, [hub, signOut]);

  const here = returnPath(location);
  return useMemo<Auth>(() => {
    if (config.isPending || (hub && redeeming)) return { state: 'starting', problem: null };
    if (config.isError) return { state: 'starting', problem: problemOf(config.error) };
    const mode = config.data.mode;
    if (!token) {
      const signIn = (pasted?: string) => {
        if (mode === 'development' && pasted) {
          saveToken(pasted);
          setProblem(null);
          setToken(pasted);
        } else if (manager.current) {
          void manager.current.signinRedirect({ state: { returnTo: here } });
        }
      };
      return { state: 'signed-out', mode, problem, signIn };
    }
    // A 401 answered after the Hub token ran out is the end of the session, whichever comes first: the
    // answer or oidc-client-ts's expiry timer (which checks only every few seconds).
    const signOutWhy = (reason: ApiProblem | null = null) =>
      signOut(reason && reason.status === 401 && hubUser.current?.expired ? sessionEnded() : reason);
    return { state: 'signed-in', mode, accessToken: () => tokenRef.current ?? '', signOut: signOutWhy };
  }, [
    config.isPending,
    config.isError,
    config.error,
    config.data,
    hub,
    redeeming,
    token,
    problem,
    signOut,
    here,
  ]);
}

function sessionEnded(): ApiProblem {
  return new ApiProblem(401, 'Session ended', 'Your Hub session has ended. Sign in again to go on.');
}
