import {
  applyDecorators,
  Body,
  Delete,
  Get,
  HttpCode,
  Injectable,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
} from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../auth/requires.decorator';
import { CreateContactMethodDto, UpdateContactMethodDto } from './contact-method.dto';
import { NotificationRulesDto } from './notification-rules.dto';
import { PersonAccess } from './person-access';
import { PersonalSettings } from './personal-settings';

type Route = 'list' | 'create' | 'update' | 'remove' | 'sendVerification' | 'rules' | 'replaceRules';

/**
 * The routes of a person's contact methods and notification rules, once for `/me` (the caller, whatever
 * their role) and once for `/users/:id` (a manager anyone's, others their own): the same routes and
 * checks, told apart by whose they are and by their summaries in the OpenAPI document.
 */
export function personalSettingsRoutes(whose: 'self' | 'byId', summaries: Record<Route, string>) {
  /** `:id`, checked as a uuid, on `/users/:id`; nothing (undefined) on `/me`. Typed `string` for the OpenAPI document. */
  const PersonId = (): ParameterDecorator =>
    whose === 'byId' ? Param('id', ParseUUIDPipe) : () => undefined;

  /** Every settings route: its summary in the OpenAPI document, and the `profile:write-own` permission. */
  const SettingsRoute = (route: Route): MethodDecorator =>
    applyDecorators(ApiOperation({ summary: summaries[route] }), Requires('profile:write-own'));

  @Injectable() // for its constructor's parameter types, which Nest injects into the controllers
  class PersonalSettingsRoutes {
    constructor(
      readonly access: PersonAccess,
      readonly settings: PersonalSettings,
    ) {}

    @Get('contact-methods')
    @SettingsRoute('list')
    async list(@Caller() caller: RequestContext, @PersonId() id: string) {
      return this.settings.listMethods(caller, await this.person(caller, id));
    }

    @Post('contact-methods')
    @SettingsRoute('create')
    async create(
      @Caller() caller: RequestContext,
      @PersonId() id: string,
      @Body() body: CreateContactMethodDto,
    ) {
      return this.settings.createMethod(caller, await this.person(caller, id), body);
    }

    @Patch('contact-methods/:methodId')
    @SettingsRoute('update')
    async update(
      @Caller() caller: RequestContext,
      @PersonId() id: string,
      @Param('methodId', ParseUUIDPipe) methodId: string,
      @Body() body: UpdateContactMethodDto,
    ) {
      return this.settings.updateMethod(caller, await this.person(caller, id), methodId, body);
    }

    @Delete('contact-methods/:methodId')
    @HttpCode(204)
    @SettingsRoute('remove')
    async remove(
      @Caller() caller: RequestContext,
      @PersonId() id: string,
      @Param('methodId', ParseUUIDPipe) methodId: string,
    ): Promise<void> {
      await this.settings.deleteMethod(caller, await this.person(caller, id), methodId);
    }

    @Post('contact-methods/:methodId/send-verification')
    @HttpCode(202)
    @SettingsRoute('sendVerification')
    async sendVerification(
      @Caller() caller: RequestContext,
      @PersonId() id: string,
      @Param('methodId', ParseUUIDPipe) methodId: string,
    ): Promise<{ sent: true }> {
      await this.settings.sendVerification(caller, await this.person(caller, id), methodId);
      return { sent: true };
    }

    @Get('notification-rules')
    @SettingsRoute('rules')
    async rules(@Caller() caller: RequestContext, @PersonId() id: string) {
      return this.settings.rules(caller, await this.person(caller, id));
    }

    @Put('notification-rules')
    @SettingsRoute('replaceRules')
    async replaceRules(
      @Caller() caller: RequestContext,
      @PersonId() id: string,
      @Body() body: NotificationRulesDto,
    ) {
      return this.settings.replaceRules(caller, await this.person(caller, id), body);
    }

    /** `id` is undefined on `/me`; on `/users/:id` ParseUUIDPipe refuses a missing one. */
    private person(caller: RequestContext, id: string | undefined) {
      return id === undefined ? this.access.self(caller) : this.access.managed(caller, id);
    }
  }
  return PersonalSettingsRoutes;
}
