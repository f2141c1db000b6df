import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { ServiceKey } from '../auth/service-key.decorator';
import { ActiveUsersRepository, OrganizationActiveUsers } from '../directory/users/active-users.repository';

export interface ActiveUserCounts {
  generatedAt: string;
  organizations: OrganizationActiveUsers[];
}

/**
 * Hub polls how many active users each organization has, to bill it. Machine-to-machine: no user token,
 * the HUB_BILLING_KEY instead (compared in constant time, never logged).
 */
@ApiTags('billing')
@Controller('api/v1/billing')
export class BillingController {
  constructor(
    private readonly activeUsersByOrg: ActiveUsersRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('active-users')
  @ServiceKey('HUB_BILLING_KEY')
  @ApiBearerAuth()
  async activeUsers(): Promise<ActiveUserCounts> {
    const organizations = await this.activeUsersByOrg.countByOrganization();
    return { generatedAt: this.clock.now().toISOString(), organizations };
  }
}
