import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../auth/requires.decorator';
import { CreateContactMethodDto, UpdateContactMethodDto } from './contact-method.dto';
import { NotificationRulesDto } from './notification-rules.dto';
import { PersonAccess } from './person-access';
import { PersonalSettings } from './personal-settings';

/** A person's contact methods and notification rules: a manager manages anyone's, others their own. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/users/:id')
export class UserNotificationSettingsController {
  constructor(
    private readonly access: PersonAccess,
    private readonly settings: PersonalSettings,
  ) {}

  @Get('contact-methods')
  @ApiOperation({ summary: 'A person’s contact methods (their account email first)' })
  @Requires('profile:write-own')
  async list(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.settings.listMethods(caller, await this.access.managed(caller, id));
  }

  @Post('contact-methods')
  @ApiOperation({ summary: 'Add a contact method (an email address is sent a confirmation link)' })
  @Requires('profile:write-own')
  async create(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateContactMethodDto,
  ) {
    return this.settings.createMethod(caller, await this.access.managed(caller, id), body);
  }

  @Patch('contact-methods/:methodId')
  @ApiOperation({ summary: 'Change a contact method’s address or enable/disable it' })
  @Requires('profile:write-own')
  async update(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('methodId', ParseUUIDPipe) methodId: string,
    @Body() body: UpdateContactMethodDto,
  ) {
    return this.settings.updateMethod(caller, await this.access.managed(caller, id), methodId, body);
  }

  @Delete('contact-methods/:methodId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a contact method no notification rule uses' })
  @Requires('profile:write-own')
  async remove(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('methodId', ParseUUIDPipe) methodId: string,
  ): Promise<void> {
    await this.settings.deleteMethod(caller, await this.access.managed(caller, id), methodId);
  }

  @Post('contact-methods/:methodId/send-verification')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send an unconfirmed email contact method a new confirmation link' })
  @Requires('profile:write-own')
  async sendVerification(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('methodId', ParseUUIDPipe) methodId: string,
  ): Promise<{ sent: true }> {
    await this.settings.sendVerification(caller, await this.access.managed(caller, id), methodId);
    return { sent: true };
  }

  @Get('notification-rules')
  @ApiOperation({ summary: 'A person’s notification rules per urgency' })
  @Requires('profile:write-own')
  async rules(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.settings.rules(caller, await this.access.managed(caller, id));
  }

  @Put('notification-rules')
  @ApiOperation({ summary: 'Replace a person’s notification rules (every urgency keeps at least one step)' })
  @Requires('profile:write-own')
  async replaceRules(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: NotificationRulesDto,
  ) {
    return this.settings.replaceRules(caller, await this.access.managed(caller, id), body);
  }
}
