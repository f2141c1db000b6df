import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import { CursorPage, CursorPageQueryDto, PAGE_MAX_LIMIT } from '@oncall/contracts';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../auth/requires.decorator';
import { DeadLetterView } from './dead-letter.view';
import { DeadLetterReader } from './dead-letter.reader';
import { ApiController } from '../shared/api-controller.decorator';

@ApiController('operations', 'api/v1/dead-letters')
export class DeadLettersController {
  constructor(private readonly reader: DeadLetterReader) {}

  @Get()
  @Requires('dead-letters:read')
  @ApiOperation({
    summary: 'Messages of your organization the platform gave up on',
    description:
      'Oldest first, kept 30 days. Each: `{ sequence, failedAt, messageType, eventId, attempts, permanent, ' +
      'reason, data, bodyTruncated }`. `permanent` letters (data that can never be stored, a refusal) were ' +
      'moved at once; the others after their retries. `data` is the message as it was (for an alert, the ' +
      'alert). A page looks at 1,000 letters of all organizations at most, so it may hold fewer than ' +
      '`limit` items and still have a `nextCursor`: follow it until it is null. Managers and owners.',
  })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page.' })
  @ApiQuery({ name: 'limit', required: false, description: `1 to ${PAGE_MAX_LIMIT}; default 50.` })
  @ApiOkResponse({ description: '`{ items, nextCursor }`' })
  list(
    @Caller() caller: RequestContext,
    @Query() query: CursorPageQueryDto,
  ): Promise<CursorPage<DeadLetterView>> {
    return this.reader.page(caller.orgId, query);
  }
}
