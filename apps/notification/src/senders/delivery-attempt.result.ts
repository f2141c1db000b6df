import type { DeliveryFailure } from '@oncall/notification-domain';

/** What one attempt to hand a message to a provider (SMTP relay, Slack) answered, for the delivery log. */
export type DeliveryAttemptResult =
  | {
      readonly ok: true;
      /** Recipients the provider took (for Slack, the webhook URL with its secret part hidden). */
      readonly accepted: string[];
      readonly response: string;
      readonly latencyMs: number;
    }
  | {
      readonly ok: false;
      readonly failure: DeliveryFailure;
      readonly response: string;
      readonly latencyMs: number;
    };

/** Milliseconds since `startedAt` (a `performance.now()` reading), rounded for the log. */
export function elapsedMs(startedAt: number): number {
  return Math.round(performance.now() - startedAt);
}

/** Provider answers are stored and shown: keep them short. */
export function boundedResponse(text: string, max = 500): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
