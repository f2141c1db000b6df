import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../../auth/requires.decorator';
import { CreateMaintenanceWindowDto, ReplaceRoutingRulesDto } from './correlation-settings.dto';
import { MaintenanceWindowsDirectory } from './maintenance-windows.directory';
import { RoutingRulesDirectory } from './routing-rules.directory';
import { TestRoutingDto } from './routing-test.dto';
import { RoutingTester, RoutingTestView } from './routing-tester';
import { ApiController } from '../../shared/api-controller.decorator';

/** What the correlator decides with, owned here and copied by dedup-grouping (ADR 0175). */
@ApiController('correlation', 'api/v1')
export class CorrelationSettingsController {
  constructor(
    private readonly routing: RoutingRulesDirectory,
    private readonly windows: MaintenanceWindowsDirectory,
    private readonly tester: RoutingTester,
  ) {}

  @Get('routing-rules')
  @Requires('directory:read')
  @ApiOperation({ summary: 'The organization’s client routing rules, in the order they are tried' })
  routingRules(@Caller() caller: RequestContext) {
    return this.routing.get(caller);
  }

  @Put('routing-rules')
  @Requires('directory:write')
  @ApiOperation({
    summary: 'Replace the client routing rules',
    description:
      'First match wins; an alert no rule matches goes to its integration’s service. Conditions (all must ' +
      'hold; any entry of a list): integrationIds, clientIds (our clients; the tool’s id is resolved by our ' +
      'id, then RMM id, then PSA id), devices, labels, severities.',
  })
  replaceRoutingRules(@Caller() caller: RequestContext, @Body() body: ReplaceRoutingRulesDto) {
    return this.routing.replace(caller, body.rules);
  }

  @Post('routing-rules/test')
  @HttpCode(200)
  @Requires('directory:read')
  @ApiOperation({
    summary: 'Where an alert with these facts would go: service, rule, client, maintenance window',
    description:
      'Decided by the same pure function as the correlator (decideCorrelation), over the stored rules, ' +
      'clients and maintenance windows; nothing is received or changed.',
  })
  testRouting(@Caller() caller: RequestContext, @Body() body: TestRoutingDto): Promise<RoutingTestView> {
    return this.tester.test(caller, body);
  }

  @Get('maintenance-windows')
  @Requires('directory:read')
  maintenanceWindows(@Caller() caller: RequestContext) {
    return this.windows.list(caller);
  }

  @Get('maintenance-windows/:id')
  @Requires('directory:read')
  maintenanceWindow(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.windows.get(caller, id);
  }

  @Post('maintenance-windows')
  @Requires('directory:write')
  @ApiOperation({
    summary: 'Add a maintenance window: alerts inside are recorded and visible, paging no one',
  })
  createMaintenanceWindow(@Caller() caller: RequestContext, @Body() body: CreateMaintenanceWindowDto) {
    return this.windows.create(caller, body.name, body.window);
  }

  @Delete('maintenance-windows/:id')
  @HttpCode(204)
  @Requires('directory:write')
  removeMaintenanceWindow(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.windows.remove(caller, id);
  }
}
