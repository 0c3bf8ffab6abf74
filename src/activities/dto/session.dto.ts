import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  registerDecorator,
  ValidationOptions,
} from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { ExportFormat } from '../../common/export/table-export';
import { DOMAIN_CODES, DomainCode } from '../../learning-records/learning-domains';
import { IsLearningHours, toHours } from '../../learning-records/dto/learning-hours';
import { SESSION_KINDS, SessionKind } from '../session-kinds';
import { parseVietnamDateTime } from '../../common/time/vietnam-time';

/** A form sends one checkbox as a string and several as an array; an API sends an array. */
export const toList = ({ value }: { value: unknown }) =>
  value === undefined || value === null || value === '' ? undefined : Array.isArray(value) ? value : [value];
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^\d+$/.test(String(value)) ? Number(value) : value;
const toIntList = ({ value }: { value: unknown }) =>
  toList({ value })?.map((v: unknown) => toInt({ value: v }));

/** 'YYYY-MM-DDTHH:mm' in Vietnam time (a datetime-local field), or ISO 8601 with an offset. */
export function IsSessionTime(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isSessionTime',
      target: object.constructor,
      propertyName,
      options: { message: 'validation.dateTime', ...options },
      validator: { validate: (v: unknown) => typeof v === 'string' && parseVietnamDateTime(v) !== null },
    });
}

export class SessionDto {
  @ApiProperty({ maxLength: 300 })
  @MaxLength(300)
  @IsString()
  @IsNotEmpty()
  title: string;

  @ApiProperty({ enum: SESSION_KINDS })
  @IsIn(SESSION_KINDS)
  @IsNotEmpty()
  kind: SessionKind;

  /** Learning domains; when none are given, the kind's usual domains are used. */
  @ApiPropertyOptional({ enum: DOMAIN_CODES, isArray: true })
  @IsOptional()
  @Transform(toList)
  @IsIn(DOMAIN_CODES, { each: true })
  @ArrayMaxSize(DOMAIN_CODES.length)
  @IsArray()
  domains?: DomainCode[];

  @ApiProperty({
    example: '2025-04-21T08:00',
    description: 'Vietnam time YYYY-MM-DDTHH:mm, or ISO 8601 with an offset',
  })
  @IsSessionTime()
  @IsNotEmpty()
  startsAt: string;

  @ApiProperty({ example: '2025-04-21T10:00' })
  @IsSessionTime()
  @IsNotEmpty()
  endsAt: string;

  @ApiProperty({ maxLength: 300 })
  @MaxLength(300)
  @IsString()
  @IsNotEmpty()
  place: string;

  @ApiProperty({ maxLength: 300, description: 'Who runs it, e.g. the grassroots union' })
  @MaxLength(300)
  @IsString()
  @IsNotEmpty()
  organiser: string;

  /** Learning hours each attendee is credited with; "1,5" is read as 1.5. */
  @ApiProperty({ example: 2, description: 'More than 0, at most 2000' })
  @Transform(toHours)
  @IsLearningHours()
  @IsNotEmpty()
  hours: number;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @MaxLength(5000)
  @IsString()
  description?: string;
}

export class CreateSessionDto extends SessionDto {
  /** May be left out by an officer of a single enterprise. */
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @IsInt()
  enterpriseId?: number;
}

/** Workers ticked as present (ids from the roster). */
export class AttendanceDto {
  @ApiProperty({ type: [Number], description: 'Worker ids of the session’s enterprise' })
  @Transform(toIntList)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @ArrayMaxSize(1000)
  @ArrayNotEmpty({ message: 'validation.pickWorkers' })
  @IsArray({ message: 'validation.pickWorkers' })
  workerIds: number[];
}

export class SessionListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SESSION_KINDS })
  @IsOptional()
  @IsIn(SESSION_KINDS)
  kind?: SessionKind;

  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @Transform(toInt)
  @Min(2000)
  @IsInt()
  year?: number;
}

export class SessionPageQuery extends SessionListQuery {
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: ExportFormat;
}
