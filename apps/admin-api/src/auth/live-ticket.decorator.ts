import { SetMetadata } from '@nestjs/common';

export const LIVE_TICKET_ROUTE = 'oncall:live-ticket-route';

/**
 * A route a browser opens with EventSource, which cannot send headers: besides a bearer token it accepts
 * `?ticket=` (a single-use live ticket, auth/live-tickets.ts). The ticket stands for the user it was issued
 * to, so @Requires applies to them as it would to their token. Never a token in the URL.
 */
export const AcceptsLiveTicket = () => SetMetadata(LIVE_TICKET_ROUTE, true);
