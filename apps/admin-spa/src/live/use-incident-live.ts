import { useEffect, useRef, useState } from 'react';
import type { Endpoints } from '../api/endpoints';
import { type IncidentChange, liveIncidentsUrl, parseIncidentChange } from './incident-events';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/** Wait before opening the stream again after a break (or a failed ticket request). */
export const RETRY_MS = 3_000;

/** What the stream needs of the API: tickets to open it, and a way to ask whether the session still stands. */
export type LiveApi = Pick<Endpoints, 'liveTicket' | 'me'>;

/**
 * Subscribes to GET /api/v1/live/incidents. `onChange` gets every incident change; `onResync` is called when
 * the stream comes back after a break, since changes made meanwhile are not replayed.
 *
 * Every connection is opened with a fresh single-use ticket, so EventSource's own reconnection (same URL,
 * spent ticket) cannot work: on any break the source is closed and a new ticket fetched. A break may mean the
 * token expired (the server ends the stream then) or the account was deactivated: /api/v1/me is asked, and
 * its 401 signs out through the API client instead of reconnecting forever.
 */
export function useIncidentLive(
  api: LiveApi,
  onChange: (change: IncidentChange) => void,
  onResync: () => void,
): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const handlers = useRef({ onChange, onResync });
  handlers.current = { onChange, onResync };

  useEffect(() => {
    let source: EventSource | undefined;
    let retry: number | undefined;
    let broken = false;
    let stopped = false;

    const reconnectLater = () => {
      broken = true;
      setState('reconnecting');
      window.clearTimeout(retry);
      retry = window.setTimeout(() => void connect(), RETRY_MS);
    };

    const connect = async () => {
      let ticket: string;
      try {
        ({ ticket } = await api.liveTicket());
      } catch {
        // A 401 has signed out already (the API client saw it); anything else is worth another try.
        if (!stopped) reconnectLater();
        return;
      }
      if (stopped) return;
      const opened = new EventSource(liveIncidentsUrl(ticket));
      source = opened;
      opened.addEventListener('incident', (event) => {
        const change = parseIncidentChange((event as MessageEvent<unknown>).data);
        if (change) handlers.current.onChange(change);
      });
      opened.onopen = () => {
        setState('live');
        if (broken) handlers.current.onResync();
        broken = false;
      };
      opened.onerror = () => {
        opened.close();
        if (stopped) return;
        // Does the session still stand? A 401 signs out (and unmounts this); otherwise, reconnect.
        api.me().catch(() => undefined);
        reconnectLater();
      };
    };

    void connect();
    return () => {
      stopped = true;
      window.clearTimeout(retry);
      source?.close();
    };
  }, [api]);

  return state;
}
