import { PartialType } from '@nestjs/swagger';
import { TICKET_MODES, TicketMode, UrgencyRule } from '@oncall/contracts';
import { IsIn, IsInt, IsObject, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import type { GroupingRule } from '@oncall/dedup-domain';
import { IsGroupingRule } from './grouping-rule.dto';
import { UrgencyRuleType } from './urgency-rule.dto';
import { OptionalText, RequiredText } from '../../shared/dto-fields';

const ACK_TIMEOUT_MAX_SECONDS = 24 * 3600;
const AUTO_RESOLVE_MAX_SECONDS = 30 * 24 * 3600;

export class CreateServiceDto {
  @RequiredText(200)
  name!: string;

  @OptionalText(2000)
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

  /**
   * Seconds after an acknowledgement at which the incident is triggered again and pages from step 1
   * (60–86400), or null for never (the default). Applies to incidents triggered after the change.
   */
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(ACK_TIMEOUT_MAX_SECONDS)
  ackTimeoutSeconds?: number | null;

  /**
   * Seconds an incident may stay open untouched (no acknowledgement, hand-back, reassignment or escalation)
   * before it resolves itself (60–2592000, 30 days), or null for never (the default).
   */
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(AUTO_RESOLVE_MAX_SECONDS)
  autoResolveSeconds?: number | null;
}

export class UpdateServiceDto extends PartialType(CreateServiceDto) {}
