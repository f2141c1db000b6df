import { GenericAlertDto, IsNonBlankText } from '@oncall/contracts';
import { ID_MAX_LENGTH } from '@oncall/incident-domain';

/** Defend posts for every organization: the generic alert plus the Hub organization it is about. */
export class DefendAlertDto extends GenericAlertDto {
  // Becomes the incident's orgId: the domain's id rule, so it is never refused after the 202.
  @IsNonBlankText(ID_MAX_LENGTH)
  orgId!: string;
}
