import { Body, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  Commands,
  Queries,
  ReplacePsaSettingsCommand,
  PsaConnectionState,
  PsaSettingsView,
} from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';
import { Caller, personActorOf, RequestContext, rpcContextOf } from '@oncall/platform-runtime';
import { Requires } from '../auth/requires.decorator';
import { PsaSettingsDto } from './psa-settings.dto';
import { PsaSettingsReferences } from './psa-settings.references';
import { PsaStatusReader } from './psa-status.reader';
import { ApiController } from '../shared/api-controller.decorator';

/** The PSA connection as people see it: whether there is one, and the organization's ticket mapping. */
@ApiController('psa', 'api/v1/psa')
export class PsaController {
  constructor(
    private readonly bus: MessageBus,
    private readonly references: PsaSettingsReferences,
    private readonly status: PsaStatusReader,
  ) {}

  @Get('status')
  @Requires('incidents:read')
  @ApiOperation({
    summary: 'Whether incidents get PSA tickets on this platform',
    description:
      '`{ configured, provider, capabilities }`. `configured: false` when psa-sync has no PSA_API_URL (or never ' +
      'ran): no ticket is made and POST /incidents/{id}/ticket answers 409 PSA_NOT_CONFIGURED.',
  })
  @ApiOkResponse({
    description: '`{ configured: boolean, provider: string | null, capabilities: object | null }`',
  })
  getStatus(): Promise<PsaConnectionState> {
    return this.status.status();
  }

  @Get('settings')
  @Requires('directory:read')
  @ApiOperation({
    summary: 'The organization’s ticket mapping',
    description:
      'Priority by severity (P1 to P4), board or queue by service with a default, and what resolution does ' +
      '(close, or set a status). `version` 0 means the defaults (nothing saved yet).',
  })
  @ApiOkResponse({
    description: '`{ priorities, defaultBoard, serviceBoards, onResolve, version, updatedAt }`',
  })
  getSettings(@Caller() caller: RequestContext): Promise<PsaSettingsView> {
    return this.bus.rpc.request<PsaSettingsView>(Queries.psa.settings, {}, rpcContextOf(caller));
  }

  @Put('settings')
  @Requires('directory:write')
  @ApiOperation({
    summary: 'Replace the organization’s ticket mapping (managers)',
    description:
      'Replaced whole: what is left out takes its default. Every `serviceId` must be a service of yours.',
  })
  @ApiOkResponse({ description: 'The settings as saved, with their new `version`.' })
  async replaceSettings(
    @Caller() caller: RequestContext,
    @Body() body: PsaSettingsDto,
  ): Promise<PsaSettingsView> {
    await this.references.requireBoardServices(caller.orgId, body.serviceBoards ?? []);
    const { userId, name } = personActorOf(caller);
    return this.bus.rpc.request<PsaSettingsView, ReplacePsaSettingsCommand>(
      Commands.psa.replaceSettings,
      { actor: { userId, name }, settings: JSON.parse(JSON.stringify(body)) as unknown },
      rpcContextOf(caller),
    );
  }
}
