import { Injectable } from '@nestjs/common';
import { IntegrationByKeyQuery, IntegrationCredential, Queries } from '@oncall/contracts';
import { MessageBus, RpcUnavailableError } from '@oncall/platform-messaging';
import { createHash } from 'node:crypto';
import { IngestionGatewayConfig } from '../ingestion-gateway.config';

interface CacheEntry {
  credential: IntegrationCredential | null;
  fetchedAt: number;
}

/** A stale answer may stand in while the directory is unreachable, so alerts keep flowing. */
const STALE_IF_UNAVAILABLE_MS = 10 * 60 * 1000;

export function hashIntegrationKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * Finds the integration behind a key by asking the directory (admin-api), caching answers for at most
 * INTEGRATION_CACHE_TTL_MS so a revoked key stops working within that time. Only the key's hash travels.
 */
@Injectable()
export class IntegrationKeyResolver {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly bus: MessageBus,
    private readonly config: IngestionGatewayConfig,
  ) {}

  async resolve(key: string, correlationId: string): Promise<IntegrationCredential | null> {
    const keyHash = hashIntegrationKey(key);
    const cached = this.cache.get(keyHash);
    const now = Date.now();
    if (cached && now - cached.fetchedAt < this.config.INTEGRATION_CACHE_TTL_MS) return cached.credential;
    try {
      const credential = await this.bus.rpc.request<IntegrationCredential | null, IntegrationByKeyQuery>(
        Queries.directory.integrationByKey,
        { keyHash },
        { orgId: null, correlationId, causationId: null },
        2_000,
      );
      this.remember(keyHash, { credential, fetchedAt: now });
      return credential;
    } catch (error) {
      if (
        error instanceof RpcUnavailableError &&
        cached &&
        now - cached.fetchedAt < STALE_IF_UNAVAILABLE_MS
      ) {
        return cached.credential;
      }
      throw error;
    }
  }

  private remember(keyHash: string, entry: CacheEntry): void {
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(keyHash, entry);
  }
}
