import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { AlertHistoryPage, AlertHistoryQuery, Queries } from '@oncall/contracts';
import { OrgRequest } from '@oncall/platform-messaging';
import { AlertHistoryStore } from './alert-history.store';

/** admin-api asks for an organization's alert history (by incident, or what was recorded). */
@Controller()
export class AlertHistoryHandler {
  constructor(private readonly store: AlertHistoryStore) {}

  @MessagePattern(Queries.alerts.history)
  async page(@OrgRequest() { orgId, data }: OrgRequest<AlertHistoryQuery>): Promise<AlertHistoryPage> {
    return this.store.page(orgId, data ?? {});
  }
}
