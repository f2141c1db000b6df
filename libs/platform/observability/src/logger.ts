import pino, { DestinationStream, Logger } from 'pino';
import { currentLogContext } from './log-context';

/** Paths of values that are secrets wherever they appear in a log object. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-routing-key"]',
  'req.headers["x-integration-key"]',
  'req.headers["x-service-key"]',
  'req.headers.cookie',
  '*.password',
  '*.integrationKey',
  '*.serviceKey',
  '*.token',
];

/**
 * Integration keys travel in alert URLs (/v1/alerts/<type>/<key>): keep the route, drop the key. Likewise the
 * values of credential query parameters (calendar tokens, live-stream tickets), and anything shaped like a
 * key (32 or more hex digits) wherever a sender put it by mistake.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/(\/alerts\/[^/?#]+\/)[^/?#]+/, '$1[redacted]')
    .replace(/([?&](token|key|access_token|ticket)=)[^&#]+/gi, '$1[redacted]')
    .replace(/[0-9a-f]{32,}/gi, '[redacted]');
}

export function createLogger(service: string, level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: () => ({ ...currentLogContext() }),
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
