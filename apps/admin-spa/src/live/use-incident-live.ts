import { useEffect, useRef, useState } from 'react';
import { type IncidentChange, liveIncidentsUrl, parseIncidentChange } from './incident-events';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

const RETRY_MS = 5_000;

/**
 * Subscribes to GET /api/v1/live/incidents. `onChange` gets every incident change; `onResync` is called when
 * the stream comes back after a break, since changes made meanwhile are not replayed.
 */
export function useIncidentLive(
  token: string,
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

    const connect = () => {
      source = new EventSource(liveIncidentsUrl(token));
      source.addEventListener('incident', (event) => {
        const change = parseIncidentChange((event as MessageEvent<unknown>).data);
        if (change) handlers.current.onChange(change);
      });
      source.onopen = () => {
        setState('live');
        if (broken) handlers.current.onResync();
        broken = false;
      };
      source.onerror = () => {
        broken = true;
        setState('reconnecting');
        // EventSource retries by itself after a network break, but gives up on an HTTP error answer.
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          retry = window.setTimeout(connect, RETRY_MS);
        }
      };
    };
    connect();
    return () => {
      stopped = true;
      window.clearTimeout(retry);
      source?.close();
    };
  }, [token]);

  return state;
}
