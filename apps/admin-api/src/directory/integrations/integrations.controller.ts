import { CursorPageQueryDto } from '@oncall/contracts';
import { Body, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { AdminApiConfig } from '../../admin-api.config';
import { Requires } from '../../auth/requires.decorator';

import { ALERT_URL_KEY_PLACEHOLDER, alertUrlFor } from './alert-url';
import { CreateIntegrationDto } from './integration.dto';
import { IntegrationsDirectory } from './integrations.directory';
import { ApiController } from '../../shared/api-controller.decorator';

@ApiController('integrations', 'api/v1')
export class IntegrationsController {
  constructor(
    private readonly integrations: IntegrationsDirectory,
    private readonly config: AdminApiConfig,
  ) {}

  @Get('services/:serviceId/integrations')
  @Requires('directory:read')
  /** Each with the URL its source posts to, a placeholder where the key goes (the key is never answered again). */
  async list(
    @Caller() caller: RequestContext,
    @Param('serviceId', ParseUUIDPipe) serviceId: string,
    @Query() query: CursorPageQueryDto,
  ) {
    const page = await this.integrations.list(caller, serviceId, query);
    const base = this.config.PUBLIC_ALERTS_URL;
    return {
      ...page,
      items: page.items.map((item) => ({
        ...item,
        alertUrlTemplate: alertUrlFor(base, item.type, ALERT_URL_KEY_PLACEHOLDER),
      })),
    };
  }

  /** Answers the key, and the URL to post alerts to, this once only. */
  @Post('services/:serviceId/integrations')
  @Requires('directory:write')
  create(
    @Caller() caller: RequestContext,
    @Param('serviceId', ParseUUIDPipe) serviceId: string,
    @Body() body: CreateIntegrationDto,
  ) {
    return this.integrations.create(caller, serviceId, body, this.config.PUBLIC_ALERTS_URL);
  }

  @Get('integrations/:id')
  @Requires('directory:read')
  get(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.integrations.get(caller, id);
  }

  /** Issues a new key (answered this once only); the old key stops working. */
  @Post('integrations/:id/rotate')
  @HttpCode(200)
  @Requires('directory:write')
  rotate(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.integrations.rotate(caller, id, this.config.PUBLIC_ALERTS_URL);
  }

  @Post('integrations/:id/revoke')
  @HttpCode(200)
  @Requires('directory:write')
  revoke(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.integrations.revoke(caller, id);
  }
}
