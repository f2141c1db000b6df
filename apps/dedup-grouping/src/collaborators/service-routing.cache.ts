import { Injectable } from '@nestjs/common';
import { MessageContext, Queries, ServiceRouting, ServiceRoutingQuery } from '@oncall/contracts';
import { MessageBus, RpcUnavailableError } from '@oncall/platform-messaging';

const FRESH_MS = 30_000;

/** Service routing from the directory, cached; a cached answer stands in while the directory is down. */
@Injectable()
export class ServiceRoutingCache {
  private readonly cache = new Map<string, { routing: ServiceRouting; fetchedAt: number }>();

  constructor(private readonly bus: MessageBus) {}

  async get(serviceId: string, context: MessageContext): Promise<ServiceRouting> {
    const key = `${context.orgId}:${serviceId}`;
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.fetchedAt < FRESH_MS) return cached.routing;
    try {
      const routing = await this.bus.rpc.request<ServiceRouting, ServiceRoutingQuery>(
        Queries.directory.serviceRouting,
        { serviceId },
        context,
      );
      this.cache.set(key, { routing, fetchedAt: Date.now() });
      return routing;
    } catch (error) {
      if (error instanceof RpcUnavailableError && cached) return cached.routing;
      throw error;
    }
  }
}
