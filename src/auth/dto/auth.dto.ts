import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PASSWORD_MAX } from '../password-policy';
import { IsAcceptablePassword } from './password.validator';

export class ActivateDto {
  @IsString() @IsNotEmpty() @MaxLength(100) username: string;
  @IsString() @IsNotEmpty() @MaxLength(20) code: string;
  @IsString() @MaxLength(PASSWORD_MAX) @IsAcceptablePassword() password: string;
  @IsString() @IsNotEmpty() @MaxLength(PASSWORD_MAX) passwordConfirm: string;
}

export class ChangePasswordDto {
  @IsString() @IsNotEmpty() @MaxLength(PASSWORD_MAX) currentPassword: string;
  @IsString() @MaxLength(PASSWORD_MAX) @IsAcceptablePassword() password: string;
  @IsString() @IsNotEmpty() @MaxLength(PASSWORD_MAX) passwordConfirm: string;
}

export class CreateApiTokenDto {
  @IsString() @IsNotEmpty() @MaxLength(100) name: string;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(730)
  expiresInDays?: number;
}
