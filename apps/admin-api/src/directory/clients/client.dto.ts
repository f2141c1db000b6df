import { PartialType } from '@nestjs/swagger';
import { IsOptional, IsTimeZone } from 'class-validator';
import { OptionalText, RequiredText } from '../../shared/dto-fields';

export class CreateClientDto {
  @RequiredText(200)
  name!: string;

  /** The client's id in the RMM (site or customer id), to route RMM alerts. */
  @OptionalText(200)
  rmmExternalId?: string | null;

  /** The company identifier in the PSA, for tickets. */
  @OptionalText(200)
  psaExternalId?: string | null;

  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}

export class UpdateClientDto extends PartialType(CreateClientDto) {}
