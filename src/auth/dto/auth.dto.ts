import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

export class ActivateDto {
  @IsString() @IsNotEmpty() @MaxLength(100) username: string;
  @IsString() @IsNotEmpty() @MaxLength(20) code: string;
  @IsString() @MinLength(PASSWORD_MIN) @MaxLength(PASSWORD_MAX) password: string;
  @IsString() @IsNotEmpty() @MaxLength(PASSWORD_MAX) passwordConfirm: string;
}

export class ChangePasswordDto {
  @IsString() @IsNotEmpty() @MaxLength(PASSWORD_MAX) currentPassword: string;
  @IsString() @MinLength(PASSWORD_MIN) @MaxLength(PASSWORD_MAX) password: string;
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
