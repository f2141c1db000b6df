import { Module } from '@nestjs/common';
import { RecordFactsHandler } from './projections/record-facts.handler';
import { ReportingProjection } from './projections/reporting.projection';
import { BurdenReader } from './queries/burden.reader';
import { IncidentReportReader } from './queries/incident-report.reader';
import { IncidentTrendReader } from './queries/incident-trend.reader';
import { ReportQueriesHandler } from './queries/report-queries.handler';
import { ShiftHistoryReader } from './queries/shift-history.reader';

/** Records the facts reports are made of, and answers report queries from the read models. */
@Module({
  controllers: [RecordFactsHandler, ReportQueriesHandler],
  providers: [
    ReportingProjection,
    IncidentReportReader,
    IncidentTrendReader,
    ShiftHistoryReader,
    BurdenReader,
  ],
})
export class ReportingModule {}
