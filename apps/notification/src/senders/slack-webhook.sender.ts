import { classifyHttpFailure } from '@oncall/notification-domain';
import { boundedResponse, elapsedMs, type DeliveryAttemptResult } from './delivery-attempt.result';
import type { SlackMessage } from './slack-page.message';

export interface SlackWebhookSenderOptions {
  /** Bound on the whole request, answer included. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Posts messages to Slack incoming webhooks. `send` never throws: it answers Slack's reply, or the
 * failure classified for the retry policy. Redirects are not followed: the stored URL is the one that
 * was checked when the person saved it.
 */
export class SlackWebhookSender {
  private readonly timeoutMs: number;

  constructor(options: SlackWebhookSenderOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async send(webhookUrl: string, message: SlackMessage): Promise<DeliveryAttemptResult> {
    const startedAt = performance.now();
    try {
      const response = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(message),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const body = boundedResponse(await response.text());
      if (response.status >= 200 && response.status < 300) {
        return {
          ok: true,
          accepted: [redactWebhookUrl(webhookUrl)],
          response: body,
          latencyMs: elapsedMs(startedAt),
        };
      }
      const failure = classifyHttpFailure({ status: response.status });
      return {
        ok: false,
        failure,
        response: `HTTP ${response.status}: ${body}`,
        latencyMs: elapsedMs(startedAt),
      };
    } catch (error) {
      const errorCode = errorCodeOf(error);
      const failure = classifyHttpFailure({ errorCode });
      return {
        ok: false,
        failure,
        response: boundedResponse(`${errorCode}: ${(error as Error).message}`),
        latencyMs: elapsedMs(startedAt),
      };
    }
  }
}

/** The webhook URL without its last path segment: that segment is the secret that lets anyone post. */
export function redactWebhookUrl(webhookUrl: string): string {
  try {
    const url = new URL(webhookUrl);
    const segments = url.pathname.split('/');
    segments[segments.length - 1] = '…';
    return `${url.origin}${segments.join('/')}`;
  } catch {
    return 'an invalid URL';
  }
}

/**
 * TimeoutError for our own timeout, else the network error code under fetch's "fetch failed". Read by
 * name, not instanceof: the abort error is a DOMException, which is no Error of every realm (Jest's).
 */
function errorCodeOf(error: unknown): string {
  const { name, cause } = (error ?? {}) as { name?: unknown; cause?: { code?: unknown } };
  if (name === 'TimeoutError' || name === 'AbortError') return name;
  return typeof cause?.code === 'string' ? cause.code : 'fetch-failed';
}
