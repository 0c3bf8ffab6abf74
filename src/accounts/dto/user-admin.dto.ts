import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Role } from '../../common/access/roles';
import { UserStatus } from '../../users/entities/user.entity';
import { USERNAME_PATTERN } from '../../users/username';

export class RoleGrantDto {
  @IsEnum(Role) role: Role;

  /** "ALL", or "<SCOPE TYPE>:<id>" such as "ENTERPRISE:12" (one select with a group per kind). */
  @IsOptional()
  @Matches(/^(ALL|(UNIT|ENTERPRISE|INSTITUTION|BRANCH):\d{1,9})$/, { message: 'validation.oneOf' })
  scope?: string;
}

export class CreateUserDto extends RoleGrantDto {
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsString()
  @Matches(USERNAME_PATTERN, { message: 'validation.username' })
  username: string;

  @IsString() @IsNotEmpty() @MaxLength(200) displayName: string;

  @IsOptional() @IsEmail() @MaxLength(200) email?: string;
}

export class UserStatusDto {
  @IsIn([UserStatus.Active, UserStatus.Disabled]) status: UserStatus.Active | UserStatus.Disabled;
}

/** An admin's password reset: the reason is kept in the audit trail (a blank one is refused there). */
export class PasswordResetDto {
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}
