import { Injectable } from '@nestjs/common';
import { problem } from '@oncall/platform-runtime';
import { RetryLaterException } from '../http/retry-later.exception';
import { IngestionGatewayConfig } from '../ingestion-gateway.config';
import { KeyedTokenBuckets } from './keyed-token-buckets';

/**
 * How a route answers a sender over its integration's limit: 429 for senders that retry it (PagerDuty
 * clients), 503 for those that retry only 5xx (Alertmanager's webhook drops a 4xx for good, ADR 0133).
 */
export type WhenLimited = 429 | 503;

/** Bounded: beyond these, the least recently seen bucket is forgotten (a full bucket is the default). */
const MAX_INTEGRATIONS = 100_000;
const MAX_SOURCES = 100_000;

/**
 * The gateway's limits (ADR 0133): a token bucket per integration, so one noisy integration cannot crowd
 * out another; and a budget of refused keys per source address, so key guessing is slowed for everyone
 * guessing, whatever the key.
 */
@Injectable()
export class AlertRateLimits {
  private readonly perIntegration: KeyedTokenBuckets;
  private readonly invalidKeysPerSource: KeyedTokenBuckets;

  constructor(private readonly config: IngestionGatewayConfig) {
    this.perIntegration = new KeyedTokenBuckets(
      { ratePerSecond: config.INTEGRATION_RATE_PER_SECOND, burst: config.INTEGRATION_RATE_BURST },
      MAX_INTEGRATIONS,
    );
    this.invalidKeysPerSource = new KeyedTokenBuckets(
      { ratePerSecond: config.INVALID_KEY_RATE_PER_SOURCE, burst: config.INVALID_KEY_BURST_PER_SOURCE },
      MAX_SOURCES,
    );
  }

  /** Counts one alert against its integration; over the limit, the route's refusal with Retry-After. */
  chargeIntegration(integrationId: string, whenLimited: WhenLimited): void {
    const refusal = this.perIntegration.take(integrationId);
    if (!refusal) return;
    const { INTEGRATION_RATE_PER_SECOND: rate, INTEGRATION_RATE_BURST: burst } = this.config;
    throw new RetryLaterException(
      refusal.retryAfterSeconds,
      problem(
        whenLimited,
        `This integration sends more than ${rate} alerts per second (bursts of ${burst}); retry after ` +
          `${refusal.retryAfterSeconds} s. Nothing was accepted.`,
        { code: 'RATE_LIMITED' },
      ),
    );
  }

  /** Refuses any keyed request from a source whose budget of refused keys is spent, before the key is looked at. */
  refuseSpentSource(source: string): void {
    const refusal = this.invalidKeysPerSource.exhausted(source);
    if (!refusal) return;
    throw new RetryLaterException(
      refusal.retryAfterSeconds,
      problem(
        429,
        `Too many unknown or revoked keys came from this address; retry after ${refusal.retryAfterSeconds} s.`,
        { code: 'TOO_MANY_INVALID_KEYS' },
      ),
    );
  }

  /** Counts a refused key (or service key) against the address that presented it. */
  recordInvalidKey(source: string): void {
    this.invalidKeysPerSource.take(source);
  }
}
