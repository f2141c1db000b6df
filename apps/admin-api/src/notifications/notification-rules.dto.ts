import { ApiProperty } from '@nestjs/swagger';
import { stacked } from '@oncall/platform-config';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

/** Notify through this contact method `delayMinutes` after the page. */
export class NotificationRuleStepDto {
  @ApiProperty({ description: 'One of the person’s own contact methods' })
  @IsUUID()
  contactMethodId!: string;

  @ApiProperty({ minimum: 0, maximum: 1440 })
  @IsInt()
  @Min(0)
  @Max(1440)
  delayMinutes!: number;
}

/** One urgency's steps: 1 to 10, each validated as a step. */
const UrgencySteps = (): PropertyDecorator =>
  stacked(
    ApiProperty({ type: [NotificationRuleStepDto] }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(10),
    ValidateNested({ each: true }),
    Type(() => NotificationRuleStepDto),
  );

/**
 * The person's rules per urgency (1 to 10 steps each): e.g. high: email at 0, Slack at 0, email again at
 * 5; low: email at 0. They stop as soon as the incident is acknowledged or resolved.
 */
export class NotificationRulesDto {
  @UrgencySteps()
  high!: NotificationRuleStepDto[];

  @UrgencySteps()
  low!: NotificationRuleStepDto[];
}
