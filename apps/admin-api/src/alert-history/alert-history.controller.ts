import { Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  alertHistoryCursor,
  AlertHistoryPage,
  AlertHistoryQuery,
  CursorPageQueryDto,
  GetIncidentQuery,
  IncidentDetail,
  Queries,
} from '@oncall/contracts';
import { MessageBus, readCursor } from '@oncall/platform-messaging';
import { Caller, RequestContext, rpcContextOf } from '@oncall/platform-runtime';
import { Requires } from '../auth/requires.decorator';
import { AlertHistoryQueryDto } from './alert-history-query.dto';
import { ApiController } from '../shared/api-controller.decorator';

const ENTRY =
  'Each `{ alertId, incidentId, disposition, recordReason?, action, storedAt, alert, raw? }`: `alert` is the ' +
  'mapping result (the canonical alert), `raw` what the sender posted (without its integration key). Kept 30 days.';

/** The alert history lives in dedup-grouping (ADR 0174); the API asks it for the caller's organization. */
@ApiController('alerts', 'api/v1')
export class AlertHistoryController {
  constructor(private readonly bus: MessageBus) {}

  @Get('alert-history')
  @Requires('incidents:read')
  @ApiOperation({
    summary: 'Alerts received, newest first; `disposition=record` for those recorded without paging',
    description: ENTRY,
  })
  list(@Caller() caller: RequestContext, @Query() query: AlertHistoryQueryDto): Promise<AlertHistoryPage> {
    if (query.cursor !== undefined) readCursor(alertHistoryCursor, query.cursor);
    return this.bus.rpc.request<AlertHistoryPage, AlertHistoryQuery>(
      Queries.alerts.history,
      query,
      rpcContextOf(caller),
    );
  }

  @Get('incidents/:id/alert-history')
  @Requires('incidents:read')
  @ApiOperation({ summary: 'The alerts of one incident as received, newest first', description: ENTRY })
  async ofIncident(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) incidentId: string,
    @Query() page: CursorPageQueryDto,
  ): Promise<AlertHistoryPage> {
    if (page.cursor !== undefined) readCursor(alertHistoryCursor, page.cursor);
    const context = rpcContextOf(caller);
    // 404 for an incident that is not the caller's organization's, as every incident route answers.
    await this.bus.rpc.request<IncidentDetail, GetIncidentQuery>(
      Queries.incident.get,
      { incidentId },
      context,
    );
    return this.bus.rpc.request<AlertHistoryPage, AlertHistoryQuery>(
      Queries.alerts.history,
      { ...page, incidentId },
      context,
    );
  }
}
