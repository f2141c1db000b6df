import { PartialType } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsTimeZone, MaxLength } from 'class-validator';

export class CreateClientDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  /** The client's id in the RMM (site or customer id), to route RMM alerts. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  rmmExternalId?: string | null;

  /** The company identifier in the PSA, for tickets. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  psaExternalId?: string | null;

  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}

export class UpdateClientDto extends PartialType(CreateClientDto) {}
