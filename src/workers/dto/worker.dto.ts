import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { normaliseCccd } from '../../common/validation/cccd';
import { IsCccd, IsIsoDate, IsNotCccd, IsPhone } from '../../common/validation/validators';
import { Gender, GENDERS } from '../entities/worker.entity';
import { EmploymentState } from '../workers.repository';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^\d+$/.test(String(value)) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) =>
  value === true || value === 'true' || value === 'on' || value === '1'
    ? true
    : value === false || value === 'false' || value === '0'
      ? false
      : value;
const toCccd = ({ value }: { value: unknown }) => (typeof value === 'string' ? normaliseCccd(value) : value);
/** "+84 912 345 678" → "0912345678", as the roster import stores phone numbers. */
const toPhone = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const digits = value.replace(/[\s.()-]/g, '');
  return digits.startsWith('+84') ? `0${digits.slice(3)}` : digits;
};
const toEmail = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export const EMPLOYMENT_STATES: EmploymentState[] = ['current', 'ended', 'all'];

export class UpdateWorkerDto {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) fullName?: string;
  /** YYYY-MM-DD */
  @IsOptional() @IsIsoDate() dateOfBirth?: string;
  @IsOptional() @IsIn(GENDERS) gender?: Gender;
  /** Twelve digits; give it only to correct the number. Null is refused: a CCCD cannot be cleared. */
  @ValidateIf((_, value) => value !== undefined) @Transform(toCccd) @IsCccd() cccd?: string;
  @IsOptional() @Transform(toPhone) @IsPhone() phone?: string | null;
  @IsOptional() @Transform(toEmail) @IsEmail() @MaxLength(200) email?: string | null;
}

export class CreateWorkerDto {
  @IsString() @IsNotEmpty() @MaxLength(200) fullName: string;
  /** YYYY-MM-DD */
  @IsIsoDate() dateOfBirth: string;
  @IsIn(GENDERS) gender: Gender;
  /** Twelve digits, consistent with the date of birth and gender. */
  @Transform(toCccd) @IsCccd() cccd: string;
  @IsOptional() @Transform(toPhone) @IsPhone() phone?: string;
  @IsOptional() @Transform(toEmail) @IsEmail() @MaxLength(200) email?: string;
  /** May be left out by an officer of a single enterprise. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) enterpriseId?: number;
  @IsOptional() @IsString() @MaxLength(50) employeeCode?: string;
  /** YYYY-MM-DD */
  @IsIsoDate() startDate: string;
  @IsOptional() @Transform(toBool) @IsBoolean() unionMember?: boolean;
}

export class EndEmploymentDto {
  /** The last day worked, YYYY-MM-DD. */
  @IsIsoDate() endDate: string;
}

export class UnionMemberDto {
  @Transform(toBool) @IsBoolean() unionMember: boolean;
}

export class WorkerListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: EMPLOYMENT_STATES, default: 'current' })
  @IsOptional()
  @IsIn(EMPLOYMENT_STATES)
  status?: EmploymentState;
}

export class WorkerExportQuery extends WorkerListQuery {}

/**
 * The officer's own roster with full CCCD numbers: a POST (never a link to follow or a URL in a log),
 * with the reason kept in the access log beside each worker.
 */
export class FullExportDto {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  reason: string;
  @IsOptional() @IsString() @MaxLength(200) @IsNotCccd() q?: string;
  @IsOptional() @IsIn(EMPLOYMENT_STATES) status?: EmploymentState;
}

export class WorkerSearchDto {
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @IsOptional() @IsIn(EMPLOYMENT_STATES) status?: EmploymentState;
}

export class CccdLookupDto {
  @Transform(toCccd) @IsCccd() cccd: string;
}

export class UploadRosterDto {
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) enterpriseId?: number;
}
