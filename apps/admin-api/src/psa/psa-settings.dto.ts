import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsUUID,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PSA_PRIORITIES, PsaPriority } from '@oncall/psa-domain';
import { OptionalNonEmptyText, RequiredText } from '../shared/dto-fields';

const NAME_MAX = 100;

/** Neutral priority (P1 to P4) of each severity's tickets; the PSA adapter maps it to the PSA's own. */
export class SeverityPrioritiesDto {
  @IsOptional()
  @IsIn(PSA_PRIORITIES)
  critical?: PsaPriority;

  @IsOptional()
  @IsIn(PSA_PRIORITIES)
  high?: PsaPriority;

  @IsOptional()
  @IsIn(PSA_PRIORITIES)
  warning?: PsaPriority;

  @IsOptional()
  @IsIn(PSA_PRIORITIES)
  info?: PsaPriority;
}

/** The board (ConnectWise) or queue (Autotask, Halo) of one service's tickets. */
export class ServiceBoardDto {
  /** A service of your organization. */
  @IsUUID()
  serviceId!: string;

  @RequiredText(NAME_MAX)
  board!: string;
}

export class OnResolveDto {
  /** `close` the ticket, or `set-status` to move it to `status`. */
  @IsIn(['close', 'set-status'])
  action!: 'close' | 'set-status';

  @ValidateIf((value: OnResolveDto) => value.action === 'set-status')
  @RequiredText(NAME_MAX)
  status?: string;
}

/** The organization's ticket mapping, replaced whole; what is left out takes its default. */
export class PsaSettingsDto {
  /** Default `{ critical: P1, high: P2, warning: P3, info: P4 }`. */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SeverityPrioritiesDto)
  priorities?: SeverityPrioritiesDto;

  /** Board or queue of services not listed in `serviceBoards`; null leaves it to the PSA. */
  @OptionalNonEmptyText(NAME_MAX)
  defaultBoard?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ServiceBoardDto)
  serviceBoards?: ServiceBoardDto[];

  /** Default `{ action: 'close' }`. */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OnResolveDto)
  onResolve?: OnResolveDto;
}
