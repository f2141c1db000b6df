import { Controller, Get, Headers, UnauthorizedException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { presentedServiceKey, serviceKeyMatches } from '@oncall/platform-auth';
import { problem, PublicRoute } from '@oncall/platform-runtime';
import { DataSource } from 'typeorm';
import { AdminApiConfig } from '../admin-api.config';

export interface ActiveUserCounts {
  generatedAt: string;
  organizations: { orgId: string; activeUsers: number }[];
}

/**
 * Hub polls how many active users each organization has, to bill it. Machine-to-machine: no user token,
 * the HUB_BILLING_KEY instead (compared in constant time, never logged).
 */
@ApiTags('billing')
@PublicRoute()
@Controller('api/v1/billing')
export class BillingController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AdminApiConfig,
  ) {}

  @Get('active-users')
  async activeUsers(@Headers() headers: Record<string, string>): Promise<ActiveUserCounts> {
    if (!serviceKeyMatches(presentedServiceKey(headers), this.config.HUB_BILLING_KEY)) {
      throw new UnauthorizedException(
        problem(401, 'The billing endpoint needs the Hub billing key.', { code: 'UNAUTHENTICATED' }),
      );
    }
    const rows: { org_id: string; active_users: number }[] = await this.dataSource.query(
      `SELECT o.id AS org_id, count(u.id) FILTER (WHERE u.active)::int AS active_users
       FROM organizations o LEFT JOIN users u ON u.org_id = o.id
       GROUP BY o.id ORDER BY o.id`,
    );
    return {
      generatedAt: new Date().toISOString(),
      organizations: rows.map((row) => ({ orgId: row.org_id, activeUsers: row.active_users })),
    };
  }
}
