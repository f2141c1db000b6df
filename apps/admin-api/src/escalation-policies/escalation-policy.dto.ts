import { EscalationPolicyDefinition, EscalationStepStrategy, EscalationTarget } from '@oncall/contracts';
import {
  ESCALATION_POLICY_LIMITS as LIMITS,
  ESCALATION_STEP_STRATEGIES,
  ESCALATION_TARGET_TYPES,
} from '@oncall/escalation-domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DiscriminatedType, ExpectedVersion, OptionalText, RequiredText } from '../shared/dto-fields';

/** What a target of an unknown `type` is validated as, so the error names `steps.N.targets.M.type`. */
export class EscalationTargetDto {
  @IsIn(ESCALATION_TARGET_TYPES)
  type!: EscalationTarget['type'];

  @IsUUID()
  id!: string;
}

/** A person of your organization (active), paged directly. */
export class UserTargetDto {
  @IsIn(['user'])
  type!: 'user';

  @IsUUID()
  id!: string;
}

/** A schedule of your organization: whoever is on call in it when the step is reached is paged. */
export class ScheduleTargetDto {
  @IsIn(['schedule'])
  type!: 'schedule';

  @IsUUID()
  id!: string;
}

/** A team of your organization: whoever is on call in the team's schedule when it has one, else every active member. */
export class TeamTargetDto {
  @IsIn(['team'])
  type!: 'team';

  @IsUUID()
  id!: string;
}

export class EscalationStepDto {
  /** Minutes without acknowledgement before the next step (1 to 1440). */
  @IsInt()
  @Min(LIMITS.minDelayMinutes)
  @Max(LIMITS.maxDelayMinutes)
  delayMinutes!: number;

  /** `{type: 'user' | 'schedule' | 'team', id}`, 1 to 10, each once; paged as `strategy` says. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.maxTargetsPerStep)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @DiscriminatedType('type', EscalationTargetDto, {
    user: UserTargetDto,
    schedule: ScheduleTargetDto,
    team: TeamTargetDto,
  })
  targets!: EscalationTarget[];

  /** `all` (default): every target at once; `round-robin`: one target per cycle, rotating across incidents. */
  @IsOptional()
  @IsIn(ESCALATION_STEP_STRATEGIES)
  strategy?: EscalationStepStrategy;
}

/** Body of POST /api/v1/escalation-policies. */
export class EscalationPolicyDto {
  @RequiredText(LIMITS.nameMaxLength)
  name!: string;

  @OptionalText(LIMITS.descriptionMaxLength)
  description?: string;

  /** Times the whole policy runs again after the last step (PagerDuty's num_loops), 0 to 9; 0 when omitted. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(LIMITS.maxRepeatCount)
  repeatCount?: number;

  /** 1 to 20 steps, in escalation order. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.maxSteps)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => EscalationStepDto)
  steps!: EscalationStepDto[];
}

/** Body of PUT /api/v1/escalation-policies/:id: the whole new definition. */
export class ReplaceEscalationPolicyDto extends EscalationPolicyDto {
  /** The version you read; if the policy changed since, the replace is refused with 409. */
  @ExpectedVersion()
  expectedVersion?: number;
}

/** `?expectedVersion=` of DELETE /api/v1/escalation-policies/:id. */
export class DeleteEscalationPolicyQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

/** The definition of a body, without the request's own fields. */
export function definitionOf(body: EscalationPolicyDto): EscalationPolicyDefinition {
  return {
    name: body.name,
    description: body.description,
    repeatCount: body.repeatCount ?? 0,
    steps: body.steps.map((step) => ({
      delayMinutes: step.delayMinutes,
      targets: step.targets.map((target) => ({ type: target.type, id: target.id })),
      ...(step.strategy === undefined ? {} : { strategy: step.strategy }),
    })),
  };
}
