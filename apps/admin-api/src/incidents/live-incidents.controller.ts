import { MessageEvent, Post, Req, Sse } from '@nestjs/common';
import { ApiCreatedResponse, ApiQuery } from '@nestjs/swagger';
import { Principal } from '@oncall/platform-auth';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import type { Request } from 'express';
import { finalize, Observable } from 'rxjs';
import { AcceptsLiveTicket } from '../auth/live-ticket.decorator';
import { IssuedLiveTicket, LiveTickets } from '../auth/live-tickets';
import { Requires } from '../auth/requires.decorator';
import { IncidentLiveFeed } from './incident-live-feed';
import { LiveStreamSlots } from './live-stream-slots';
import { ApiController } from '../shared/api-controller.decorator';

/**
 * GET /api/v1/live/incidents: server-sent events (`event: incident`) for the caller's organization, until the
 * caller's token expires or their account is deactivated. Browsers' EventSource cannot send headers: they
 * first POST /api/v1/live/tickets (with their token, in the header) and open the stream with `?ticket=`,
 * a single-use ticket good for a minute. Other clients may send the bearer header as everywhere else.
 * One person holds at most LIVE_STREAMS_PER_USER streams at once (per replica); beyond, 429.
 */
@ApiController('incidents', 'api/v1/live')
export class LiveIncidentsController {
  constructor(
    private readonly feed: IncidentLiveFeed,
    private readonly tickets: LiveTickets,
    private readonly slots: LiveStreamSlots,
  ) {}

  @Post('tickets')
  @Requires('incidents:read')
  @ApiCreatedResponse({ description: '`{ ticket, expiresAt }`: open the live stream with `?ticket=` once.' })
  ticket(@Caller() caller: RequestContext): Promise<IssuedLiveTicket> {
    return this.tickets.issue(principalOf(caller));
  }

  @Sse('incidents')
  @Requires('incidents:read')
  @AcceptsLiveTicket()
  @ApiQuery({ name: 'ticket', required: false, description: 'From POST /api/v1/live/tickets; single use.' })
  incidents(@Caller() caller: RequestContext, @Req() request: Request): Observable<MessageEvent> {
    const viewer = principalOf(caller);
    // At most LIVE_STREAMS_PER_USER at once (429 beyond); the place is freed when the stream ends or the
    // browser goes away, whichever is seen first.
    const release = this.slots.take(viewer);
    request.once('close', release);
    return this.feed.forViewer(viewer).pipe(finalize(release));
  }
}

/** Both routes sit behind the token (or ticket) guard: there is always someone. */
function principalOf(caller: RequestContext): Principal {
  if (!caller.principal) throw new Error('Live routes are only reached by a verified caller');
  return caller.principal;
}
