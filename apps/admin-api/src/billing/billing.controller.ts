import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { DataSource } from 'typeorm';
import { ServiceKey } from '../auth/service-key.decorator';

export interface ActiveUserCounts {
  generatedAt: string;
  organizations: { orgId: string; activeUsers: number }[];
}

/**
 * Hub polls how many active users each organization has, to bill it. Machine-to-machine: no user token,
 * the HUB_BILLING_KEY instead (compared in constant time, never logged).
 */
@ApiTags('billing')
@Controller('api/v1/billing')
export class BillingController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('active-users')
  @ServiceKey('HUB_BILLING_KEY')
  @ApiBearerAuth()
  async activeUsers(): Promise<ActiveUserCounts> {
    const rows: { org_id: string; active_users: number }[] = await this.dataSource.query(
      `SELECT o.id AS org_id, count(u.id) FILTER (WHERE u.active)::int AS active_users
       FROM organizations o LEFT JOIN users u ON u.org_id = o.id
       GROUP BY o.id ORDER BY o.id`,
    );
    return {
      generatedAt: this.clock.now().toISOString(),
      organizations: rows.map((row) => ({ orgId: row.org_id, activeUsers: row.active_users })),
    };
  }
}
