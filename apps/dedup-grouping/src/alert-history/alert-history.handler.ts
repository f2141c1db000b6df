import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AlertHistoryPage, AlertHistoryQuery, Queries, RpcRequest } from '@oncall/contracts';
import { organizationContextOf } from '@oncall/platform-messaging';
import { AlertHistoryStore } from './alert-history.store';

/** admin-api asks for an organization's alert history (by incident, or what was recorded). */
@Controller()
export class AlertHistoryHandler {
  constructor(private readonly store: AlertHistoryStore) {}

  @MessagePattern(Queries.alerts.history)
  async page(@Payload() request: RpcRequest<AlertHistoryQuery>): Promise<AlertHistoryPage> {
    const { orgId } = organizationContextOf(request);
    return this.store.page(orgId, request.data ?? {});
  }
}
