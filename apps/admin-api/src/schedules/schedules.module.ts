import { Module } from '@nestjs/common';
import { BusRequests } from './bus-requests';
import { CalendarFeedController } from './calendar-feed.controller';
import { CoverageGapsController } from './coverage-gaps.controller';
import { DirectoryPeople } from './directory-people';
import { OnCallNowController } from './on-call-now.controller';
import { OverridesController } from './overrides.controller';
import { PolicyServices } from './policy-services';
import { SchedulePolicies } from './schedule-policies';
import { ScheduleReferences } from './schedule-references';
import { ScheduleRenderController } from './schedule-render.controller';
import { SchedulesController } from './schedules.controller';
import { ServicesByPoliciesHandler } from './services-by-policies.handler';
import { UserShiftsController } from './user-shifts.controller';
import { WindowedQueries } from './windowed-queries';

/** The REST surface of schedules, overrides, on-call views and calendar feeds (scheduling owns the data). */
@Module({
  controllers: [
    SchedulesController,
    ScheduleRenderController,
    OverridesController,
    OnCallNowController,
    UserShiftsController,
    CalendarFeedController,
    CoverageGapsController,
    ServicesByPoliciesHandler,
  ],
  providers: [
    BusRequests,
    WindowedQueries,
    DirectoryPeople,
    ScheduleReferences,
    SchedulePolicies,
    PolicyServices,
  ],
})
export class SchedulesModule {}
