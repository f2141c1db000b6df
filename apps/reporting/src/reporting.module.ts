import { Module } from '@nestjs/common';
import { RecordFactsHandler } from './projections/record-facts.handler';
import { ReportingProjection } from './projections/reporting.projection';

/** Records the facts reports are made of, and answers report queries from the read models. */
@Module({
  controllers: [RecordFactsHandler],
  providers: [ReportingProjection],
})
export class ReportingModule {}
