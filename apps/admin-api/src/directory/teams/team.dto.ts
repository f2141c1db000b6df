import { PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';
import { OptionalText, RequiredText } from '../../shared/dto-fields';

export class CreateTeamDto {
  @RequiredText(200)
  name!: string;

  @OptionalText(2000)
  description?: string;

  /** A user of your organization; null for none. */
  @IsOptional()
  @IsUUID()
  managerUserId?: string | null;
}

export class UpdateTeamDto extends PartialType(CreateTeamDto) {}

/** The complete member list; it replaces the current one. */
export class ReplaceTeamMembersDto {
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique({ message: 'userIds must not repeat a user' })
  @IsUUID('all', { each: true })
  userIds!: string[];
}
