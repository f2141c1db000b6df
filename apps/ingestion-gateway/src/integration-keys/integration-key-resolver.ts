import { Injectable } from '@nestjs/common';
import {
  IntegrationByKeyQuery,
  IntegrationCredential,
  IntegrationForOrgQuery,
  IntegrationType,
  Queries,
} from '@oncall/contracts';
import { MessageBus, RpcUnavailableError } from '@oncall/platform-messaging';
import { createHash } from 'node:crypto';
import { IngestionGatewayConfig } from '../ingestion-gateway.config';
import { CachedLookup } from './cached-lookup';

/** A stale answer may stand in while the directory is unreachable, so alerts keep flowing (ADR 0006). */
const STALE_IF_UNAVAILABLE_MS = 10 * 60 * 1000;
const DIRECTORY_TIMEOUT_MS = 2_000;

/** Keys are 128 random bits as 32 lowercase hex characters (ADR 0006); nothing else can be a key. */
const INTEGRATION_KEY_SHAPE = /^[0-9a-f]{32}$/;

export function isIntegrationKeyShape(key: string): boolean {
  return INTEGRATION_KEY_SHAPE.test(key);
}

export function hashIntegrationKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * Finds integrations by asking the directory (admin-api): by key (only its hash travels) or, for
 * machines posting for many organizations, by organization and type. Answers are cached for at most
 * INTEGRATION_CACHE_TTL_MS, so a revoked key stops working within that time.
 */
@Injectable()
export class IntegrationKeyResolver {
  private readonly cache: CachedLookup<IntegrationCredential>;

  constructor(
    private readonly bus: MessageBus,
    config: IngestionGatewayConfig,
  ) {
    this.cache = new CachedLookup({
      freshMs: config.INTEGRATION_CACHE_TTL_MS,
      staleIfUnavailableMs: STALE_IF_UNAVAILABLE_MS,
      maxEntries: 10_000,
      maxMisses: 1_000,
      isUnavailable: (error) => error instanceof RpcUnavailableError,
    });
  }

  /** The integration behind `key`; null (never asked) for a string that cannot be a key. */
  async resolve(key: string, correlationId: string): Promise<IntegrationCredential | null> {
    if (!isIntegrationKeyShape(key)) return null;
    const keyHash = hashIntegrationKey(key);
    return this.cache.get(`key:${keyHash}`, () =>
      this.ask<IntegrationByKeyQuery>(Queries.directory.integrationByKey, { keyHash }, null, correlationId),
    );
  }

  /** The organization's integration of `type` (Defend posts for every organization with one key). */
  async resolveForOrg(
    orgId: string,
    type: IntegrationType,
    correlationId: string,
  ): Promise<IntegrationCredential | null> {
    return this.cache.get(`${orgId}:${type}`, () =>
      this.ask<IntegrationForOrgQuery>(
        Queries.directory.integrationForOrg,
        { orgId, type },
        orgId,
        correlationId,
      ),
    );
  }

  private ask<TQuery>(
    subject: string,
    query: TQuery,
    orgId: string | null,
    correlationId: string,
  ): Promise<IntegrationCredential | null> {
    return this.bus.rpc.request<IntegrationCredential | null, TQuery>(
      subject,
      query,
      { orgId, correlationId, causationId: null },
      DIRECTORY_TIMEOUT_MS,
    );
  }
}
