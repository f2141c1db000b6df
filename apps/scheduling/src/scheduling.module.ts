import { Module } from '@nestjs/common';
import { OutboxRelayWorker } from '@oncall/platform-runtime';
import { CalendarFeed } from './calendar/calendar-feed';
import { CalendarHandler } from './calendar/calendar.handler';
import { AffectedServicesLookup } from './coverage/affected-services';
import { DailyGapScanWorker } from './coverage/daily-gap-scan.worker';
import { GapScanner } from './coverage/gap-scanner';
import { OverrideCommandsHandler } from './overrides/override-commands.handler';
import { ScheduleQueriesHandler } from './queries/schedule-queries.handler';
import { ScheduleReader } from './queries/schedule-reader';
import { ScheduleCommandsHandler } from './schedules/schedule-commands.handler';
import { ScheduleStateRepublisher } from './state/schedule-state.republisher';
import { OverrideStore } from './store/override-store';
import { ScheduleStore } from './store/schedule-store';

@Module({
  controllers: [ScheduleCommandsHandler, OverrideCommandsHandler, ScheduleQueriesHandler, CalendarHandler],
  providers: [
    ScheduleStore,
    OverrideStore,
    ScheduleReader,
    GapScanner,
    AffectedServicesLookup,
    CalendarFeed,
    DailyGapScanWorker,
    OutboxRelayWorker,
    ScheduleStateRepublisher,
  ],
})
export class SchedulingModule {}
