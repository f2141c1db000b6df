import { INTEGRATION_TYPES, IntegrationType } from '@oncall/contracts';
import { IsIn } from 'class-validator';
import { RequiredText } from '../../shared/dto-fields';

export class CreateIntegrationDto {
  /** Which payload format the gateway expects at this integration's URL. */
  @IsIn(INTEGRATION_TYPES)
  type!: IntegrationType;

  @RequiredText(200)
  name!: string;
}
