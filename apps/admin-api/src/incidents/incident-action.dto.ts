import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsUUID,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { INCIDENT_PRIORITIES, INCIDENT_SEVERITIES, NOTE_MAX_LENGTH } from '@oncall/incident-domain';
import { ExpectedVersion, RequiredText } from '../shared/dto-fields';

/** Every action may carry the version the caller saw: if the incident changed since, the answer is 409. */
export class IncidentActionDto {
  @ExpectedVersion()
  expectedVersion?: number;
}

export class AddNoteDto extends IncidentActionDto {
  @RequiredText(NOTE_MAX_LENGTH)
  text!: string;
}

export class SnoozeDto extends IncidentActionDto {
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  durationMinutes!: number;
}

export class ReassignTargetDto {
  @IsIn(['users', 'escalation-level'])
  kind!: 'users' | 'escalation-level';

  @ValidateIf((target: ReassignTargetDto) => target.kind === 'users')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  userIds?: string[];

  @ValidateIf((target: ReassignTargetDto) => target.kind === 'escalation-level')
  @IsInt()
  @Min(1)
  @Max(20)
  level?: number;
}

export class ReassignDto extends IncidentActionDto {
  /** `{kind: 'users', userIds}` (active users of your organization) or `{kind: 'escalation-level', level}`. */
  @IsObject()
  @ValidateNested()
  @Type(() => ReassignTargetDto)
  to!: ReassignTargetDto;
}

export class EscalateDto extends IncidentActionDto {
  @IsInt()
  @Min(1)
  fromLevel!: number;

  @IsInt()
  @Min(1)
  toLevel!: number;
}

export class SetPriorityDto extends IncidentActionDto {
  @ValidateIf((dto: SetPriorityDto) => dto.priority !== null)
  @IsIn(INCIDENT_PRIORITIES)
  priority!: (typeof INCIDENT_PRIORITIES)[number] | null;
}

export class SetSeverityDto extends IncidentActionDto {
  @IsIn(INCIDENT_SEVERITIES)
  severity!: (typeof INCIDENT_SEVERITIES)[number];
}

export class MergeDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  sourceIncidentIds!: string[];
}
