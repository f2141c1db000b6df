import { Controller, MessageEvent, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { Requires } from '../auth/requires.decorator';
import { Caller, RequestContext } from '../directory/shared/request-context';
import { IncidentLiveFeed } from './incident-live-feed';

/**
 * GET /api/v1/live/incidents: server-sent events (`event: incident`) for the caller's organization. Browsers'
 * EventSource cannot send headers, so this one route also takes the token as `?access_token=` (redacted
 * from logs).
 */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/v1/live')
export class LiveIncidentsController {
  constructor(private readonly feed: IncidentLiveFeed) {}

  @Sse('incidents')
  @Requires('incidents:read')
  incidents(@Caller() caller: RequestContext): Observable<MessageEvent> {
    return this.feed.forOrganization(caller.orgId);
  }
}
