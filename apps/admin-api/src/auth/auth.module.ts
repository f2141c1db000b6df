import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AdminApiConfig } from '../admin-api.config';
import { HubJwtStrategy } from './hub-jwt.strategy';
import { JwksController } from './jwks.controller';
import { JwtAuthGuard } from './jwt-auth.guard';
import { SignInConfigController } from './sign-in-config.controller';
import { LiveTickets } from './live-tickets';
import { PermissionsGuard } from './permissions.guard';
import { PrincipalProvisioner } from './principal-provisioner';
import { TOKEN_VERIFICATION, tokenVerificationFor } from './token-verification';

@Module({
  imports: [PassportModule],
  controllers: [JwksController, SignInConfigController],
  providers: [
    { provide: TOKEN_VERIFICATION, useFactory: tokenVerificationFor, inject: [AdminApiConfig] },
    PrincipalProvisioner,
    HubJwtStrategy,
    LiveTickets,
    // Order matters: verify the token (or live ticket), then check the permission table.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: PermissionsGuard },
  ],
  exports: [LiveTickets],
})
export class AuthModule {}
