import { INTEGRATION_TYPES, IntegrationType } from '@oncall/contracts';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CreateIntegrationDto {
  /** Which payload format the gateway expects at this integration's URL. */
  @IsIn(INTEGRATION_TYPES)
  type!: IntegrationType;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}
