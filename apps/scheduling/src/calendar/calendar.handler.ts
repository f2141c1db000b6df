import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CalendarFeedAnswer, Commands, Queries, RpcRequest, SchedulingActor } from '@oncall/contracts';
import { OrgRequest } from '@oncall/platform-messaging';
import { CalendarFeed } from './calendar-feed';

@Controller()
export class CalendarHandler {
  constructor(private readonly feed: CalendarFeed) {}

  /** A new secret feed token for the actor's own shifts (the old one stops working). */
  @MessagePattern(Commands.scheduling.rotateCalendarToken)
  async rotate(
    @OrgRequest() { orgId, data }: OrgRequest<{ actor: SchedulingActor }>,
  ): Promise<{ token: string }> {
    return { token: await this.feed.rotateToken(orgId, data.actor.userId) };
  }

  /** The token alone identifies organization and user: no organization in the request. */
  @MessagePattern(Queries.scheduling.calendarFeed)
  render(@Payload() request: RpcRequest<{ token: string }>): Promise<CalendarFeedAnswer> {
    return this.feed.render(request.data.token);
  }
}
