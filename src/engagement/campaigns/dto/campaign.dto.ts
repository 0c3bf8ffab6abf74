import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { toBool } from '../../../catalog/dto/course.dto';
import { ExportFormat } from '../../../common/export/table-export';
import { PageQuery } from '../../../common/http/pagination';
import { IsIsoDate } from '../../../common/validation/validators';
import { ToNumber } from '../../../organisations/dto/transforms';

/** Most items of one kind a campaign links to, and most target units. */
export const MAX_LINKS = 50;

/** Checkboxes and multiple selects send one value as a string and several as an array. */
const toIntList = ({ value }: { value: unknown }) => {
  if (value === undefined || value === null || value === '') return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v));
};

/** A campaign as the federation writes it (the form and the API). */
export class CampaignDto {
  @ApiProperty({ example: 'Tuần lễ hưởng ứng học tập suốt đời 2027' })
  @MaxLength(200)
  @IsString()
  @IsNotEmpty()
  title: string;

  @ApiProperty({ description: 'What workers are asked to do, in Vietnamese' })
  @MaxLength(4000)
  @IsString()
  @IsNotEmpty()
  theme: string;

  @ApiProperty({ example: '2027-10-01' })
  @IsIsoDate()
  @IsNotEmpty()
  startsOn: string;

  @ApiProperty({ example: '2027-10-07', description: 'The last day, on or after startsOn' })
  @IsIsoDate()
  @IsNotEmpty()
  endsOn: string;

  @ApiPropertyOptional({ description: 'A reading campaign also counts confirmed book logs' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  reading?: boolean;

  @ApiProperty({ type: [Number], description: 'Administrative units targeted (their subtrees take part)' })
  @Transform(toIntList)
  @ArrayMaxSize(MAX_LINKS)
  @IsInt({ each: true })
  @IsArray()
  @ArrayNotEmpty()
  unitIds: number[];

  @ApiPropertyOptional({ type: [Number], description: 'Published courses' })
  @IsOptional()
  @Transform(toIntList)
  @ArrayMaxSize(MAX_LINKS)
  @IsInt({ each: true })
  @IsArray()
  courseIds?: number[];

  @ApiPropertyOptional({ type: [Number], description: 'Published open learning materials' })
  @IsOptional()
  @Transform(toIntList)
  @ArrayMaxSize(MAX_LINKS)
  @IsInt({ each: true })
  @IsArray()
  materialIds?: number[];

  @ApiPropertyOptional({ type: [Number], description: 'In-person sessions' })
  @IsOptional()
  @Transform(toIntList)
  @ArrayMaxSize(MAX_LINKS)
  @IsInt({ each: true })
  @IsArray()
  sessionIds?: number[];
}

export class CampaignListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Campaigns overlapping this year' })
  @IsOptional()
  @ToNumber()
  @Max(2100)
  @Min(2000)
  @IsInt()
  year?: number;
}

export class ParticipationQuery {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'] })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: ExportFormat;

  @ApiPropertyOptional({ enum: ['enterprises', 'communes'], description: 'Which table the file holds' })
  @IsOptional()
  @IsIn(['enterprises', 'communes'])
  table?: 'enterprises' | 'communes';
}
