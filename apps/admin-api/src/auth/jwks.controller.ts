import { Controller, Get, Inject, NotFoundException } from '@nestjs/common';
import { PublicRoute } from '@oncall/platform-runtime';
import { TOKEN_VERIFICATION, TokenVerification } from './token-verification';

/** In development, the platform is its own Hub: it publishes the public key its tokens are signed with. */
@PublicRoute()
@Controller('.well-known')
export class JwksController {
  constructor(@Inject(TOKEN_VERIFICATION) private readonly verification: TokenVerification) {}

  @Get('jwks.json')
  jwks() {
    if (!this.verification.localJwks)
      throw new NotFoundException('Keys are published by Hub in this deployment');
    return this.verification.localJwks;
  }
}
