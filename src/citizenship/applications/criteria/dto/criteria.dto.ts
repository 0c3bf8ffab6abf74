import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { toList } from '../../../../activities/dto/session.dto';
import { SESSION_KINDS } from '../../../../activities/session-kinds';
import { toHours } from '../../../../learning-records/dto/learning-hours';
import { DOMAIN_CODES } from '../../../../learning-records/learning-domains';
import { ToNumber } from '../../../../organisations/dto/transforms';
import { RULE_TYPES } from '../../../criteria-rules';
import { EvidenceKind } from '../../../entities/criteria-set.entity';
import { CODE_PATTERN, MAX_COUNT, MAX_CRITERIA, MAX_GROUPS, MAX_POINTS } from '../criteria-content';

const EVIDENCE_KINDS = Object.values(EvidenceKind);
const CODE_MESSAGE = { message: 'citizenship.criteria.error.codeFormat' };

/** The version's title, pass mark and source note (the draft's settings form). */
export class CriteriaSettingsDto {
  @ApiProperty({ maxLength: 300 })
  @MaxLength(300)
  @IsString()
  @IsNotEmpty()
  title: string;

  @ApiProperty({ minimum: 0, description: 'Points needed to be eligible; at most the total of the criteria' })
  @ToNumber()
  @Max(100_000)
  @Min(0)
  @IsInt()
  @IsNotEmpty()
  passMark: number;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'Where the criteria come from (decision, who sets the points)',
  })
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  sourceNote?: string;
}

/** A competency group with its optional minimum of points (the group form). */
export class CriteriaGroupDto {
  @ApiProperty({ example: '2', maxLength: 20 })
  @Matches(CODE_PATTERN, CODE_MESSAGE)
  @IsString()
  @IsNotEmpty()
  code: string;

  @ApiProperty({ maxLength: 300 })
  @MaxLength(300)
  @IsString()
  @IsNotEmpty()
  name: string;

  @ApiPropertyOptional({ minimum: 0, description: 'Points needed within the group to be eligible' })
  @IsOptional()
  @ToNumber()
  @Max(MAX_POINTS * MAX_CRITERIA)
  @Min(0)
  @IsInt()
  minPoints?: number;
}

/**
 * A criterion as the form sends it: the rule's type and each parameter as its own field. Which
 * parameters are needed depends on the type; the service checks that (criteria-content.buildRule).
 */
export class CriterionFormDto {
  @Matches(CODE_PATTERN, CODE_MESSAGE)
  @IsString()
  @IsNotEmpty()
  groupCode: string;

  @Matches(CODE_PATTERN, CODE_MESSAGE)
  @IsString()
  @IsNotEmpty()
  code: string;

  @MaxLength(500)
  @IsString()
  @IsNotEmpty()
  title: string;

  @IsOptional()
  @MaxLength(2000)
  @IsString()
  description?: string;

  @ToNumber()
  @Max(MAX_POINTS)
  @Min(0)
  @IsInt()
  @IsNotEmpty()
  points: number;

  @IsIn(EVIDENCE_KINDS)
  @IsNotEmpty()
  evidence: EvidenceKind;

  @IsOptional()
  @IsIn(RULE_TYPES)
  ruleType?: string;

  @IsOptional()
  @IsIn(DOMAIN_CODES)
  domain?: string;

  @IsOptional()
  @ToNumber()
  @Max(MAX_COUNT)
  @Min(1)
  @IsInt()
  minRecords?: number;

  @IsOptional()
  @Transform(toHours)
  minHours?: number | string;

  @IsOptional()
  @Transform(toList)
  @IsIn(SESSION_KINDS, { each: true })
  @ArrayMaxSize(SESSION_KINDS.length)
  @IsArray()
  kinds?: string[];

  @IsOptional()
  @ToNumber()
  @Max(MAX_COUNT)
  @Min(1)
  @IsInt()
  minSessions?: number;
}

/** An evidence rule over the API (see src/citizenship/criteria-rules.ts). */
export class CriterionRuleDto {
  @ApiProperty({ enum: RULE_TYPES })
  @IsIn(RULE_TYPES)
  @IsNotEmpty()
  type: string;

  @ApiPropertyOptional({ enum: DOMAIN_CODES, description: 'DOMAIN_RECORDS' })
  @IsOptional()
  @IsString()
  domain?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_COUNT, description: 'DOMAIN_RECORDS, ANY_RECORDS' })
  @IsOptional()
  minRecords?: number;

  @ApiPropertyOptional({ description: 'MIN_HOURS: more than 0, at most 2000' })
  @IsOptional()
  minHours?: number;

  @ApiPropertyOptional({ enum: SESSION_KINDS, isArray: true, description: 'SESSION_KINDS' })
  @IsOptional()
  @IsArray()
  kinds?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_COUNT, description: 'SESSION_KINDS' })
  @IsOptional()
  minSessions?: number;
}

export class CriterionContentDto {
  @ApiProperty({ example: '2.1' })
  @IsString()
  @IsNotEmpty()
  code: string;

  @ApiProperty({ maxLength: 500 })
  @MaxLength(500)
  @IsString()
  @IsNotEmpty()
  title: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  description?: string | null;

  @ApiProperty({ minimum: 0, maximum: MAX_POINTS })
  @IsInt()
  @IsNotEmpty()
  points: number;

  @ApiProperty({ enum: EVIDENCE_KINDS })
  @IsIn(EVIDENCE_KINDS)
  @IsNotEmpty()
  evidence: EvidenceKind;

  @ApiPropertyOptional({ type: CriterionRuleDto, description: 'Required for AUTO, absent for DECLARED' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CriterionRuleDto)
  rule?: CriterionRuleDto | null;
}

export class GroupContentDto {
  @ApiProperty({ example: '1' })
  @IsString()
  @IsNotEmpty()
  code: string;

  @ApiProperty({ maxLength: 300 })
  @MaxLength(300)
  @IsString()
  @IsNotEmpty()
  name: string;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt()
  minPoints?: number | null;

  @ApiProperty({ type: [CriterionContentDto] })
  @ValidateNested({ each: true })
  @Type(() => CriterionContentDto)
  @ArrayMaxSize(MAX_CRITERIA)
  @IsArray()
  criteria: CriterionContentDto[];
}

/** A whole draft over the API: settings, groups and criteria; it replaces the draft's content. */
export class CriteriaContentDto extends CriteriaSettingsDto {
  @ApiProperty({ type: [GroupContentDto] })
  @ValidateNested({ each: true })
  @Type(() => GroupContentDto)
  @ArrayMaxSize(MAX_GROUPS)
  @IsArray()
  groups: GroupContentDto[];
}
