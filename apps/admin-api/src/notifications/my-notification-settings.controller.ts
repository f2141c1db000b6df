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

/** The caller's own contact methods and notification rules, whatever their role. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/me')
export class MyNotificationSettingsController {
  constructor(
    private readonly access: PersonAccess,
    private readonly settings: PersonalSettings,
  ) {}

  @Get('contact-methods')
  @ApiOperation({ summary: 'Your contact methods (your account email first)' })
  @Requires('profile:write-own')
  async list(@Caller() caller: RequestContext) {
    return this.settings.listMethods(caller, await this.access.self(caller));
  }

  @Post('contact-methods')
  @ApiOperation({ summary: 'Add a contact method (an email address is sent a confirmation link)' })
  @Requires('profile:write-own')
  async create(@Caller() caller: RequestContext, @Body() body: CreateContactMethodDto) {
    return this.settings.createMethod(caller, await this.access.self(caller), body);
  }

  @Patch('contact-methods/:methodId')
  @ApiOperation({ summary: 'Change one of your contact methods' })
  @Requires('profile:write-own')
  async update(
    @Caller() caller: RequestContext,
    @Param('methodId', ParseUUIDPipe) methodId: string,
    @Body() body: UpdateContactMethodDto,
  ) {
    return this.settings.updateMethod(caller, await this.access.self(caller), methodId, body);
  }

  @Delete('contact-methods/:methodId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete one of your contact methods no rule uses' })
  @Requires('profile:write-own')
  async remove(
    @Caller() caller: RequestContext,
    @Param('methodId', ParseUUIDPipe) methodId: string,
  ): Promise<void> {
    await this.settings.deleteMethod(caller, await this.access.self(caller), methodId);
  }

  @Post('contact-methods/:methodId/send-verification')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send one of your unconfirmed email addresses a new confirmation link' })
  @Requires('profile:write-own')
  async sendVerification(
    @Caller() caller: RequestContext,
    @Param('methodId', ParseUUIDPipe) methodId: string,
  ): Promise<{ sent: true }> {
    await this.settings.sendVerification(caller, await this.access.self(caller), methodId);
    return { sent: true };
  }

  @Get('notification-rules')
  @ApiOperation({ summary: 'Your notification rules per urgency' })
  @Requires('profile:write-own')
  async rules(@Caller() caller: RequestContext) {
    return this.settings.rules(caller, await this.access.self(caller));
  }

  @Put('notification-rules')
  @ApiOperation({ summary: 'Replace your notification rules' })
  @Requires('profile:write-own')
  async replaceRules(@Caller() caller: RequestContext, @Body() body: NotificationRulesDto) {
    return this.settings.replaceRules(caller, await this.access.self(caller), body);
  }
}
