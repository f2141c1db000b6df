import { CursorPageQueryDto } from '@oncall/contracts';
import { OmitType, PartialType } from '@nestjs/swagger';
import { ROLES, Role } from '@oncall/platform-auth';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsTimeZone, MaxLength } from 'class-validator';
import { RequiredText } from '../../shared/dto-fields';

/** A person added before they first sign in through Hub; sign-in links them by e-mail. */
export class CreateUserDto {
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @RequiredText(200)
  name!: string;

  @IsIn(ROLES)
  role!: Role;

  /** IANA time zone the person's schedules and notifications are shown in; UTC when omitted. */
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}

/** E-mail is Hub's identity of the person and is not edited here. */
export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['email'] as const)) {}

/** What anyone may change about themself. */
export class UpdateMeDto {
  @IsTimeZone()
  timeZone!: string;
}

const booleanFromQuery = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ListUsersQueryDto extends CursorPageQueryDto {
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}
