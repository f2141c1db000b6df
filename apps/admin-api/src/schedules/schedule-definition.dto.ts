import { LayerDefinition, ScheduleDefinition } from '@oncall/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsOptional,
  IsTimeZone,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IsInstant } from './instant.validator';
import { RestrictionType, RotationType } from './rotation.dto';
import { ExpectedVersion, OptionalText, RequiredText } from '../shared/dto-fields';

/** 'YYYY-MM-DDTHH:mm' (optionally ':ss'), no zone: read in the layer's zone. */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

export class LayerDto {
  /** Keep a layer's id across edits (omit it for a new layer). */
  @IsOptional()
  @IsUUID()
  id?: string;

  @RequiredText(200)
  name!: string;

  /** IANA zone for the anchor and restrictions; the schedule's zone when omitted. */
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  /** Active users of your organization, in rotation order (a person may appear more than once). */
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  participants!: string[];

  /** `{kind: 'daily', days?}` | `{kind: 'weekly', weeks?}` | `{kind: 'custom', unit: 'hours'|'days', length}` */
  @IsObject()
  @ValidateNested()
  @RotationType()
  rotation!: LayerDefinition['rotation'];

  /** Local date-time of the first handoff, e.g. '2027-03-01T09:00'; may precede `start`. */
  @Matches(LOCAL_DATE_TIME, { message: 'handoffAnchor must be a local date-time as YYYY-MM-DDTHH:mm' })
  handoffAnchor!: string;

  @IsInstant()
  start!: string;

  /** Exclusive; omitted or null = never ends. */
  @IsOptional()
  @IsInstant()
  end?: string | null;

  /** Windows the layer covers (unioned); omitted or empty = 24/7. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @RestrictionType()
  restrictions?: LayerDefinition['restrictions'];
}

export class ScheduleDefinitionDto {
  @RequiredText(200)
  name!: string;

  @OptionalText(2000)
  description?: string;

  /** IANA zone of the schedule, e.g. 'Europe/Amsterdam'. */
  @IsTimeZone()
  timeZone!: string;

  /** The team responsible; a team of your organization. */
  @IsOptional()
  @IsUUID()
  teamId?: string | null;

  /** Lowest precedence first: a later layer wins wherever it has someone. */
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LayerDto)
  layers!: LayerDto[];
}

/** The whole definition again; the edit applies from now on, shifts already past stay as they were. */
export class UpdateScheduleDto extends ScheduleDefinitionDto {
  /** The `version` you read; a schedule changed since is refused with 409. */
  @ExpectedVersion()
  expectedVersion?: number;
}

/** The definition as scheduling takes it: only its own fields, defaults filled in. */
export function definitionOf(dto: ScheduleDefinitionDto): ScheduleDefinition {
  return {
    name: dto.name,
    description: dto.description ?? '',
    timeZone: dto.timeZone,
    teamId: dto.teamId ?? null,
    layers: dto.layers.map((layer): LayerDefinition => ({
      ...(layer.id ? { id: layer.id } : {}),
      name: layer.name,
      ...(layer.timeZone ? { timeZone: layer.timeZone } : {}),
      participants: [...layer.participants],
      rotation: { ...layer.rotation },
      handoffAnchor: layer.handoffAnchor,
      start: layer.start,
      end: layer.end ?? null,
      restrictions: (layer.restrictions ?? []).map((restriction) => ({ ...restriction })),
    })),
  };
}
