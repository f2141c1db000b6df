import { GenericAlertDto } from '@oncall/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Defend posts for every organization: the generic alert plus the Hub organization it is about. */
export class DefendAlertDto extends GenericAlertDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  orgId!: string;
}
