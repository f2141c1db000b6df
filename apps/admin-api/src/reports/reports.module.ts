import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { BusRequests } from '../schedules/bus-requests';
import { ReportScopes } from './report-scopes';
import { ReportsController } from './reports.controller';

@Module({
  imports: [AuthModule],
  controllers: [ReportsController],
  providers: [BusRequests, ReportScopes],
})
export class ReportsModule {}
