import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { IntegrationState, IntegrationType } from '@oncall/contracts';
import { problem } from '@oncall/platform-runtime';
import { RetryLaterException } from '../http/retry-later.exception';
import { AlertRateLimits } from '../rate-limits/alert-rate-limits';
import { IntegrationDirectory } from './integration-directory';
import { hashIntegrationKey, isIntegrationKeyShape } from './integration-key';

/** Seconds a sender waits while the gateway loads its keys at start (it takes well under a second). */
const LOADING_RETRY_AFTER_SECONDS = 1;

/**
 * Turns the key in an alert URL into its live integration, from the local copy only (ADR 0131), or a
 * refusal a sender can act on: 429 for a source that spent its budget of refused keys, 503 while the copy
 * is loading, 401 for an unknown or revoked key (never echoing it), 403 for a key of another type.
 */
@Injectable()
export class IntegrationAuthenticator {
  constructor(
    private readonly directory: IntegrationDirectory,
    private readonly limits: AlertRateLimits,
  ) {}

  authenticate(key: string, route: IntegrationType, source: string): IntegrationState {
    this.limits.refuseSpentSource(source);
    this.requireLoaded();
    const integration = isIntegrationKeyShape(key)
      ? this.directory.liveByKeyHash(hashIntegrationKey(key))
      : undefined;
    if (!integration) {
      this.limits.recordInvalidKey(source);
      throw new UnauthorizedException(
        problem(401, 'Unknown or revoked integration key.', { code: 'INTEGRATION_KEY_INVALID' }),
      );
    }
    if (integration.type !== route) {
      throw new ForbiddenException(
        problem(
          403,
          `This key belongs to a ${integration.type} integration; post to /v1/alerts/${integration.type}/.`,
          { code: 'INTEGRATION_TYPE_MISMATCH' },
        ),
      );
    }
    return integration;
  }

  /** The organization's live integration of `type` (Defend posts for every organization with one key). */
  integrationForOrg(orgId: string, type: IntegrationType): IntegrationState | undefined {
    this.requireLoaded();
    return this.directory.oldestLiveFor(orgId, type);
  }

  private requireLoaded(): void {
    if (this.directory.isCaughtUp) return;
    throw new RetryLaterException(
      LOADING_RETRY_AFTER_SECONDS,
      problem(503, 'The gateway is starting and has not loaded integration keys yet; retry shortly.', {
        code: 'INTEGRATIONS_LOADING',
      }),
    );
  }
}
