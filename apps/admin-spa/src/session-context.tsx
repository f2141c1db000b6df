import { createContext, useContext } from 'react';
import type { Endpoints } from './api/endpoints';
import type { Me, Role } from './api/types';

/** Everything a signed-in screen needs: the API, who is signed in, and names for ids. */
export interface Session {
  api: Endpoints;
  me: Me;
  role: Role;
  canRespond: boolean;
  /** The viewer's time zone (profile), used for every date shown. */
  timeZone: string | undefined;
  people: ReadonlyMap<string, string>;
  services: ReadonlyMap<string, string>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in screen');
  return session;
}
