import {
  SERVICE_URGENCIES,
  ServiceUrgency,
  URGENCY_RULE_KINDS,
  UrgencyRule,
  UrgencyRuleKind,
} from '@oncall/contracts';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsTimeZone,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { DiscriminatedType } from '../../shared/dto-fields';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What an unknown `kind` is validated as, so the error names `urgencyRule.kind`. */
export class UrgencyRuleDto {
  @IsIn(URGENCY_RULE_KINDS)
  kind!: UrgencyRuleKind;
}

export class ConstantUrgencyRuleDto {
  @IsIn(['constant'])
  kind!: 'constant';

  @IsIn(SERVICE_URGENCIES)
  urgency!: ServiceUrgency;
}

/** critical and high alerts → high urgency; warning and info → low. */
export class SeverityBasedUrgencyRuleDto {
  @IsIn(['severity-based'])
  kind!: 'severity-based';
}

export class SupportHoursUrgencyRuleDto {
  @IsIn(['support-hours'])
  kind!: 'support-hours';

  @IsTimeZone()
  timeZone!: string;

  /** ISO weekdays the window starts on: 1 = Monday ... 7 = Sunday. */
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  days!: number[];

  /** Local time `HH:mm`; an end at or before the start runs past midnight. */
  @Matches(HH_MM, { message: 'start must be a time of day as HH:mm' })
  start!: string;

  @Matches(HH_MM, { message: 'end must be a time of day as HH:mm' })
  end!: string;

  @IsIn(SERVICE_URGENCIES)
  during!: ServiceUrgency;

  @IsIn(SERVICE_URGENCIES)
  outside!: ServiceUrgency;
}

/** Picks the rule class by `kind` before validation (class-transformer discriminator). */
export const UrgencyRuleType = (): PropertyDecorator =>
  DiscriminatedType('kind', UrgencyRuleDto, {
    constant: ConstantUrgencyRuleDto,
    'severity-based': SeverityBasedUrgencyRuleDto,
    'support-hours': SupportHoursUrgencyRuleDto,
  });

/** The rule as stored and shown: only its own fields, days sorted. */
export function normalizedUrgencyRule(rule: UrgencyRule): UrgencyRule {
  switch (rule.kind) {
    case 'constant':
      return { kind: rule.kind, urgency: rule.urgency };
    case 'severity-based':
      return { kind: rule.kind };
    case 'support-hours':
      return {
        kind: rule.kind,
        timeZone: rule.timeZone,
        days: [...rule.days].sort((a, b) => a - b),
        start: rule.start,
        end: rule.end,
        during: rule.during,
        outside: rule.outside,
      };
  }
}
