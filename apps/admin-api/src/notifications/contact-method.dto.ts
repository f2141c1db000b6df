import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONTACT_METHOD_TYPES, ContactMethodType } from '@oncall/contracts';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { OptionalText } from '../shared/dto-fields';

/**
 * A way to reach the person. Email addresses are confirmed by a link sent to them before they receive
 * pages; a Slack incoming-webhook URL (https://hooks.slack.com/services/…) is used as saved; SMS, phone and
 * push are stored, not delivered yet.
 */
export class CreateContactMethodDto {
  @ApiProperty({ enum: CONTACT_METHOD_TYPES })
  @IsIn(CONTACT_METHOD_TYPES)
  type!: ContactMethodType;

  @ApiProperty({ description: 'Email address, Slack webhook URL, E.164 number or device token' })
  @IsString()
  @MaxLength(4096)
  address!: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

/** A new address (an email needs confirming again) or enabled flag; the account email's address follows Hub. */
export class UpdateContactMethodDto {
  @ApiPropertyOptional()
  @OptionalText(4096)
  address?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
