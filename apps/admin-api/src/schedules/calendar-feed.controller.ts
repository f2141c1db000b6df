import { Controller, Get, Header, NotFoundException, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CalendarFeedAnswer, Queries, Commands } from '@oncall/contracts';
import { problem, PublicRoute, Caller, personActorOf, RequestContext } from '@oncall/platform-runtime';
import { IsString, Matches } from 'class-validator';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { AdminApiConfig } from '../admin-api.config';
import { Requires } from '../auth/requires.decorator';
import { joinPublicUrl } from '../directory/shared/public-url';
import { ActiveUsersRepository } from '../directory/users/active-users.repository';
import { BusRequests } from './bus-requests';

export class CalendarFeedQueryDto {
  @IsString()
  @Matches(/^[\w-]{16,128}$/, { message: 'token must be the token of a calendar link' })
  token!: string;
}

/**
 * A person's shifts as an iCalendar feed for Outlook or Google Calendar, behind a secret URL. The token
 * is the credential (calendar clients cannot send a bearer token); it is shown once, and issuing a new
 * one kills the old URL.
 */
@ApiTags('schedules')
@Controller('api/v1')
export class CalendarFeedController {
  constructor(
    private readonly requests: BusRequests,
    private readonly config: AdminApiConfig,
    private readonly activeUsers: ActiveUsersRepository,
  ) {}

  @Post('me/calendar-feed')
  @ApiBearerAuth()
  @Requires('profile:write-own')
  async rotate(@Caller() caller: RequestContext): Promise<{ url: string }> {
    const { token } = await this.requests.ask<{ token: string }>(
      caller,
      Commands.scheduling.rotateCalendarToken,
      {
        actor: personActorOf(caller),
      },
    );
    const path = `/api/v1/calendar/shifts.ics?token=${encodeURIComponent(token)}`;
    return { url: joinPublicUrl(this.config.PUBLIC_URL, path) };
  }

  @Get('calendar/shifts.ics')
  @PublicRoute()
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, no-store')
  async feed(@Query() query: CalendarFeedQueryDto, @Req() request: Request): Promise<string> {
    const correlationId = (request as Request & { correlationId?: string }).correlationId ?? randomUUID();
    // The token alone names the organization and the person: the request carries no organization.
    const feed = await this.requests.ask<CalendarFeedAnswer>(
      { orgId: null, correlationId, causationId: null },
      Queries.scheduling.calendarFeed,
      { token: query.token },
    );
    // The link is a credential of the account: it works while the account is active (ADR 0084), and a
    // deactivated account's link looks exactly like an unknown one.
    if (!(await this.activeUsers.isActive(feed.orgId, feed.userId))) {
      throw new NotFoundException(problem(404, 'Unknown or rotated calendar link.', { code: 'NOT_FOUND' }));
    }
    return feed.ics;
  }
}
