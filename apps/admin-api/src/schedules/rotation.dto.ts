import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DiscriminatedType } from '../shared/dto-fields';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What an unknown `kind` is validated as, so the error names `rotation.kind`. */
export class RotationDto {
  @IsIn(['daily', 'weekly', 'custom'])
  kind!: 'daily' | 'weekly' | 'custom';
}

/** Hands off every `days` days at the anchor's local time (1 when omitted). */
export class DailyRotationDto {
  @IsIn(['daily'])
  kind!: 'daily';

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  days?: number;
}

/** Hands off every `weeks` weeks at the anchor's local weekday and time (1 when omitted). */
export class WeeklyRotationDto {
  @IsIn(['weekly'])
  kind!: 'weekly';

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(52)
  weeks?: number;
}

/** Hours are absolute (the local handoff drifts across DST); days follow the wall clock. */
export class CustomRotationDto {
  @IsIn(['custom'])
  kind!: 'custom';

  @IsIn(['hours', 'days'])
  unit!: 'hours' | 'days';

  @IsInt()
  @Min(1)
  @Max(9000)
  length!: number;
}

export const RotationType = (): PropertyDecorator =>
  DiscriminatedType('kind', RotationDto, {
    daily: DailyRotationDto,
    weekly: WeeklyRotationDto,
    custom: CustomRotationDto,
  });

/** What an unknown `kind` is validated as, so the error names `restrictions[i].kind`. */
export class RestrictionDto {
  @IsIn(['daily', 'weekly'])
  kind!: 'daily' | 'weekly';
}

/** Covered from `startTime` (local) for `durationMinutes` of wall-clock time, every day. */
export class DailyRestrictionDto {
  @IsIn(['daily'])
  kind!: 'daily';

  @Matches(HH_MM, { message: 'startTime must be a time of day as HH:mm' })
  startTime!: string;

  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes!: number;
}

/** Covered from `startTime` on ISO weekday `startDayOfWeek` (1 = Monday) for `durationMinutes`, every week. */
export class WeeklyRestrictionDto {
  @IsIn(['weekly'])
  kind!: 'weekly';

  @IsInt()
  @Min(1)
  @Max(7)
  startDayOfWeek!: 1 | 2 | 3 | 4 | 5 | 6 | 7;

  @Matches(HH_MM, { message: 'startTime must be a time of day as HH:mm' })
  startTime!: string;

  @IsInt()
  @Min(1)
  @Max(10080)
  durationMinutes!: number;
}

export const RestrictionType = (): PropertyDecorator =>
  DiscriminatedType('kind', RestrictionDto, { daily: DailyRestrictionDto, weekly: WeeklyRestrictionDto });
