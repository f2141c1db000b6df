import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  BurdenAnswer,
  BurdenQuery,
  IncidentReportAnswer,
  IncidentReportQuery,
  IncidentTrendAnswer,
  IncidentTrendQuery,
  Queries,
  RpcRequest,
} from '@oncall/contracts';
import { organizationContextOf } from '@oncall/platform-messaging';
import { BurdenReader } from './burden.reader';
import { IncidentReportReader } from './incident-report.reader';
import { IncidentTrendReader } from './incident-trend.reader';

/** Report queries, always scoped to the organization of the request's context. */
@Controller()
export class ReportQueriesHandler {
  constructor(
    private readonly incidents: IncidentReportReader,
    private readonly trends: IncidentTrendReader,
    private readonly burdens: BurdenReader,
  ) {}

  @MessagePattern(Queries.reporting.incidents)
  incidentReport(@Payload() request: RpcRequest<IncidentReportQuery>): Promise<IncidentReportAnswer> {
    return this.incidents.report(organizationContextOf(request).orgId, request.data);
  }

  @MessagePattern(Queries.reporting.trend)
  incidentTrend(@Payload() request: RpcRequest<IncidentTrendQuery>): Promise<IncidentTrendAnswer> {
    return this.trends.trend(organizationContextOf(request).orgId, request.data);
  }

  @MessagePattern(Queries.reporting.burden)
  burden(@Payload() request: RpcRequest<BurdenQuery>): Promise<BurdenAnswer> {
    return this.burdens.burden(organizationContextOf(request).orgId, request.data);
  }
}
