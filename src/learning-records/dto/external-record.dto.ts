import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { ExportFormat } from '../../common/export/table-export';
import { PageQuery } from '../../common/http/pagination';
import { normaliseCccd } from '../../common/validation/cccd';
import { IsCccd, IsIsoDate } from '../../common/validation/validators';
import { IsLearningHours, MAX_LEARNING_HOURS } from './learning-hours';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A result an institution reports for one worker. */
export class ExternalRecordDto {
  @ApiProperty({
    example: 'CDCD-2025-000123',
    description:
      'The institution’s own id of this result (1–100 visible ASCII characters); posting it again changes nothing',
  })
  @Transform(trim)
  @Matches(/^[\x21-\x7e]+$/, { message: 'validation.externalId' })
  @MaxLength(100)
  @IsString()
  @IsNotEmpty()
  externalId: string;

  @ApiProperty({ example: '067090012345', description: 'The worker’s citizen ID (CCCD), 12 digits' })
  @Transform(({ value }) => (typeof value === 'string' ? normaliseCccd(value) : value))
  @IsCccd()
  @IsNotEmpty()
  cccd: string;

  @ApiProperty({
    example: '1990-03-15',
    description: 'The worker’s date of birth, YYYY-MM-DD (checked with the CCCD)',
  })
  @IsIsoDate()
  @IsNotEmpty()
  dateOfBirth: string;

  @ApiProperty({ example: 'Chứng chỉ sơ cấp nghề Điện công nghiệp', maxLength: 300 })
  @Transform(trim)
  @MaxLength(300)
  @IsString()
  @IsNotEmpty()
  title: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @Transform(trim)
  @MaxLength(300)
  @IsString()
  programme?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @MaxLength(100)
  @IsString()
  certificateNo?: string;

  @ApiProperty({ example: '2025-06-30', description: 'YYYY-MM-DD, not in the future' })
  @IsIsoDate()
  @IsNotEmpty()
  completedOn: string;

  @ApiProperty({ example: 120, description: `More than 0, at most ${MAX_LEARNING_HOURS}` })
  @IsLearningHours()
  @IsNumber()
  @IsNotEmpty()
  hours: number;

  @ApiProperty({
    example: ['VOCATIONAL'],
    description: 'Domain codes: LAW, VOCATIONAL, LIFE_SKILLS, DIGITAL',
  })
  @IsString({ each: true })
  @ArrayMaxSize(10)
  @ArrayNotEmpty({ message: 'validation.domainsRequired' })
  @IsArray({ message: 'validation.domainsRequired' })
  domains: string[];

  @ApiPropertyOptional({ description: 'Needed only when the token’s owner edits for several institutions' })
  @IsOptional()
  @Min(1)
  @IsInt()
  institutionId?: number;
}

export class ExternalRecordQuery extends PageQuery {}

export class ExternalRecordPageQuery extends ExternalRecordQuery {
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: ExportFormat;
}
