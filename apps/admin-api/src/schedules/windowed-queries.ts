import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { RequestContext } from '@oncall/platform-runtime';
import { BusRequests } from './bus-requests';
import { TimeWindowQueryDto, windowOf } from './time-window.dto';

/** Scheduling queries over a `?from=&to=` window, its defaults counted from the platform clock's now. */
@Injectable()
export class WindowedQueries {
  constructor(
    private readonly requests: BusRequests,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Asks `subject` with `data` and the window's `from` and `to`. */
  ask<TAnswer>(
    caller: RequestContext,
    subject: string,
    data: object,
    window: TimeWindowQueryDto,
  ): Promise<TAnswer> {
    return this.requests.ask<TAnswer>(caller, subject, { ...data, ...windowOf(window, this.clock.now()) });
  }
}
