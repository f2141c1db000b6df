import { applyDecorators, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Caller, personActorOf, RequestContext } from '@oncall/platform-runtime';
import {
  BurdenAnswer,
  BurdenQuery,
  IncidentReportAnswer,
  IncidentReportQuery,
  IncidentTrendAnswer,
  IncidentTrendQuery,
  Queries,
} from '@oncall/contracts';
import { Requires } from '../auth/requires.decorator';
import { BusRequests } from '../schedules/bus-requests';
import { burdenCsv, incidentReportCsv, incidentTrendCsv, NamedBurden } from './report-csv';
import {
  BurdenQueryDto,
  IncidentReportQueryDto,
  IncidentTrendQueryDto,
  ReportWindowQueryDto,
} from './report-query.dto';
import { Reply, ReportReply } from './report-reply';
import { ReportPerson, ReportScopes } from './report-scopes';
import { ApiController } from '../shared/api-controller.decorator';

/** A report answers JSON, or CSV when asked (documented as both). */
const ReportResponse = (description: string) =>
  applyDecorators(
    ApiOkResponse({
      description,
      content: {
        'application/json': { schema: { type: 'object' } },
        'text/csv': { schema: { type: 'string' } },
      },
    }),
  );

const CSV_NOTE = 'JSON by default; CSV with `Accept: text/csv` or `?format=csv`.';

/**
 * Reports for owners and managers (`reports:read`); a technician reads their own burden only. reporting
 * answers from its projections, always for the caller's organization (the bus context carries it).
 */
@ApiController('reports', 'api/v1/reports')
export class ReportsController {
  constructor(
    private readonly requests: BusRequests,
    private readonly scopes: ReportScopes,
  ) {}

  @Get('incidents')
  @Requires('reports:read')
  @ApiOperation({
    summary: 'Incident dashboard: MTTA/MTTR, volume, escalation rate, noise, acknowledgements by person',
    description:
      'Incidents opened in the window (default: the last 30 days). MTTA and MTTR in seconds (mean, median, ' +
      'p90; incidents merged into another are left out of both); volume by severity, service, client and ' +
      'source integration; escalation rate (share that needed more than the first step) and unanswered ' +
      `share; alerts per incident. ${CSV_NOTE}`,
  })
  @ReportResponse('IncidentReportAnswer.')
  async incidents(
    @Caller() caller: RequestContext,
    @Query() query: IncidentReportQueryDto,
    @Reply() reply: ReportReply,
  ): Promise<IncidentReportAnswer | string> {
    const request = await this.scopes.incidentQuery(caller.orgId, query);
    const report = await this.requests.ask<IncidentReportAnswer>(
      caller,
      Queries.reporting.incidents,
      request satisfies IncidentReportQuery,
    );
    return reply.of(query, report, incidentReportCsv);
  }

  @Get('incidents/trend')
  @Requires('reports:read')
  @ApiOperation({
    summary: 'Incidents per day or week, for charts',
    description:
      'One point per local day or ISO week (Monday) of `timeZone` (default UTC) in the window, empty ones ' +
      `included: incidents, mean MTTA and MTTR in seconds, unanswered. Same filters as /reports/incidents. ${CSV_NOTE}`,
  })
  @ReportResponse('IncidentTrendAnswer.')
  async trend(
    @Caller() caller: RequestContext,
    @Query() query: IncidentTrendQueryDto,
    @Reply() reply: ReportReply,
  ): Promise<IncidentTrendAnswer | string> {
    const { clientOf: _clientOf, ...filters } = await this.scopes.incidentQuery(caller.orgId, query);
    const request: IncidentTrendQuery = {
      ...filters,
      bucket: query.bucket ?? 'day',
      timeZone: query.timeZone ?? 'UTC',
    };
    const trend = await this.requests.ask<IncidentTrendAnswer>(caller, Queries.reporting.trend, request);
    return reply.of(query, trend, incidentTrendCsv);
  }

  @Get('burden')
  @Requires('reports:read')
  @ApiOperation({
    summary: 'On-call burden per person, and how it spreads across the team',
    description:
      'Hours on call (final schedules as they were, overrides included, deleted schedules too), pages, pages ' +
      'outside business hours (Mon–Fri 09:00–17:00) and during sleep hours (22:00–07:00), both in each ' +
      'person’s own time zone, incidents acknowledged; the spread: shares of pages and hours, and who carries ' +
      `more than 1.5 × the team mean. \`teamId\` narrows to a team. ${CSV_NOTE}`,
  })
  @ReportResponse('BurdenAnswer.')
  async burden(
    @Caller() caller: RequestContext,
    @Query() query: BurdenQueryDto,
    @Reply() reply: ReportReply,
  ): Promise<NamedBurden | string> {
    const people = await this.scopes.people(caller.orgId, query.teamId);
    return this.burdenOf(caller, query, people, reply);
  }

  @Get('burden/me')
  @Requires('reports:read-own')
  @ApiOperation({ summary: 'The caller’s own on-call burden (any role)', description: CSV_NOTE })
  @ReportResponse('BurdenAnswer with one person.')
  async myBurden(
    @Caller() caller: RequestContext,
    @Query() query: ReportWindowQueryDto,
    @Reply() reply: ReportReply,
  ): Promise<NamedBurden | string> {
    const people = await this.scopes.person(caller.orgId, personActorOf(caller).userId);
    return this.burdenOf(caller, query, people, reply);
  }

  private async burdenOf(
    caller: RequestContext,
    query: ReportWindowQueryDto,
    people: ReportPerson[],
    reply: ReportReply,
  ): Promise<NamedBurden | string> {
    const request: BurdenQuery = {
      ...this.scopes.windowOf(query),
      people: people.map(({ userId, timeZone }) => ({ userId, timeZone })),
    };
    const burden = await this.requests.ask<BurdenAnswer>(caller, Queries.reporting.burden, request);
    const names = new Map(people.map((person) => [person.userId, person.name]));
    const named = {
      ...burden,
      people: burden.people.map((p) => ({ ...p, name: names.get(p.userId) ?? '' })),
    };
    return reply.of(query, named, burdenCsv);
  }
}
