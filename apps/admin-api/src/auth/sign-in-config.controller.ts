import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublicRoute } from '@oncall/platform-runtime';
import { AdminApiConfig } from '../admin-api.config';

/** How the admin SPA signs people in: Hub's issuer and the SPA's client id, or development tokens. */
export type SignInConfigView = { mode: 'hub'; issuer: string; clientId: string } | { mode: 'development' };

/**
 * Public: the SPA asks before anyone is signed in. It names only what Hub's own discovery document
 * publishes (the issuer) and a public client id; no secret exists for a browser client (ADR 0200).
 */
@ApiTags('auth')
@PublicRoute()
@Controller('api/v1/auth')
export class SignInConfigController {
  constructor(private readonly config: AdminApiConfig) {}

  @Get('config')
  @ApiOperation({ summary: 'How the admin SPA signs in (Hub OpenID Connect, or development tokens)' })
  @ApiOkResponse({ description: '{ mode: "hub", issuer, clientId } or { mode: "development" }' })
  signInConfig(): SignInConfigView {
    const { HUB_ISSUER, HUB_SPA_CLIENT_ID } = this.config;
    return HUB_ISSUER && HUB_SPA_CLIENT_ID
      ? { mode: 'hub', issuer: HUB_ISSUER, clientId: HUB_SPA_CLIENT_ID }
      : { mode: 'development' };
  }
}
