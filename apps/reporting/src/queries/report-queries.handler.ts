import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import {
  BurdenAnswer,
  BurdenQuery,
  IncidentReportAnswer,
  IncidentReportQuery,
  IncidentTrendAnswer,
  IncidentTrendQuery,
  Queries,
} from '@oncall/contracts';
import { OrgRequest } from '@oncall/platform-messaging';
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
  incidentReport(
    @OrgRequest() { orgId, data }: OrgRequest<IncidentReportQuery>,
  ): Promise<IncidentReportAnswer> {
    return this.incidents.report(orgId, data);
  }

  @MessagePattern(Queries.reporting.trend)
  incidentTrend(@OrgRequest() { orgId, data }: OrgRequest<IncidentTrendQuery>): Promise<IncidentTrendAnswer> {
    return this.trends.trend(orgId, data);
  }

  @MessagePattern(Queries.reporting.burden)
  burden(@OrgRequest() { orgId, data }: OrgRequest<BurdenQuery>): Promise<BurdenAnswer> {
    return this.burdens.burden(orgId, data);
  }
}
