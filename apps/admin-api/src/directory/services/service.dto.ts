import { PartialType } from '@nestjs/swagger';
import { UrgencyRule } from '@oncall/contracts';
import {
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
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
}

export class UpdateServiceDto extends PartialType(CreateServiceDto) {}
