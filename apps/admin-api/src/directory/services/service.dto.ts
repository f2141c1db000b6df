import { PartialType } from '@nestjs/swagger';
import { TICKET_MODES, TicketMode, UrgencyRule } from '@oncall/contracts';
import {
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { GroupingRule } from '@oncall/dedup-domain';
import { IsGroupingRule } from './grouping-rule.dto';
import { UrgencyRuleType } from './urgency-rule.dto';

export class CreateServiceDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  /** The client whose alerts this service receives; a client of your organization. */
  @IsOptional()
  @IsUUID()
  clientId?: string | null;

  /** The team responsible; a team of your organization. */
  @IsOptional()
  @IsUUID()
  teamId?: string | null;

  /** The escalation policy new incidents start (owned by the escalation service). */
  @IsOptional()
  @IsUUID()
  escalationPolicyId?: string | null;

  /**
   * `{kind: 'constant', urgency}` | `{kind: 'severity-based'}` |
   * `{kind: 'support-hours', timeZone, days, start, end, during, outside}`; constant high when omitted.
   */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @UrgencyRuleType()
  urgencyRule?: UrgencyRule;

  /**
   * When its incidents get a PSA ticket: `on-trigger`, `on-acknowledge` (the default) or `never` (a person may
   * still ask for one). Ignored while no PSA is configured (GET /api/v1/psa/status).
   */
  @IsOptional()
  @IsIn(TICKET_MODES)
  ticketMode?: TicketMode;

  /**
   * How alerts are grouped into one incident (ADR 0175): `{by: 'label', label, windowMinutes}` |
   * `{by: 'device' | 'client' | 'source-group-key', windowMinutes}` (1–1440), or null not to group.
   */
  @IsOptional()
  @IsGroupingRule()
  grouping?: GroupingRule | null;
}

export class UpdateServiceDto extends PartialType(CreateServiceDto) {}
