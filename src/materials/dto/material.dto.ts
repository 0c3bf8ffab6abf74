import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  Min,
} from 'class-validator';
import { COURSE_LANGUAGES, toArray, toNumber } from '../../catalog/dto/course.dto';
import { CourseStatus, Licence } from '../../catalog/entities/course.entity';
import { PageQuery } from '../../common/http/pagination';
import { DOMAIN_CODES, DomainCode } from '../../learning-records/learning-domains';
import { AuthorType, MaterialKind } from '../entities/learning-material.entity';

/** An open learning material, from the editor's (multipart) form or the API. */
export class MaterialDto {
  @MaxLength(300)
  @IsString()
  @IsNotEmpty()
  title: string;

  @IsOptional()
  @MaxLength(5000)
  @IsString()
  description?: string;

  /** FILE (uploaded with the form) or LINK (an https address). */
  @IsEnum(MaterialKind)
  @IsNotEmpty()
  kind: MaterialKind;

  /** For a LINK: where the material is, https only. */
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(500)
  url?: string;

  @IsEnum(Licence)
  @IsNotEmpty()
  licence: Licence;

  /** Who wrote it: a person or a team. */
  @MaxLength(200)
  @IsString()
  @IsNotEmpty()
  author: string;

  /** Whether the author is a person or an organisation (a faculty, a ministry…); PERSON when not given. */
  @IsOptional()
  @IsEnum(AuthorType)
  authorType?: AuthorType;

  @IsIn(COURSE_LANGUAGES)
  @IsNotEmpty()
  language: string;

  @IsOptional()
  @Transform(toArray)
  @IsIn(DOMAIN_CODES, { each: true })
  @ArrayMaxSize(4)
  @IsArray()
  domains?: DomainCode[];

  /** Comma-separated. */
  @IsOptional()
  @MaxLength(500)
  @IsString()
  keywords?: string;

  /** The institution, for an editor of several. Ignored on update. */
  @IsOptional()
  @Transform(toNumber)
  @Min(1)
  @IsInt()
  institutionId?: number;
}

export class MaterialListQuery extends PageQuery {
  @IsOptional()
  @IsEnum(CourseStatus)
  status?: CourseStatus;
}

/** The public list: search (title and keywords, with or without diacritics), domain, institution. */
export class PublicMaterialQuery extends PageQuery {
  @IsOptional()
  @IsIn(DOMAIN_CODES)
  domain?: DomainCode;

  @IsOptional()
  @Transform(toNumber)
  @Min(1)
  @IsInt()
  institutionId?: number;
}

/** Harvesting through /api/v1/materials. */
export class HarvestQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only materials changed at or after this moment (ISO 8601)' })
  @IsOptional()
  @IsISO8601()
  updatedSince?: string;

  @ApiPropertyOptional({ enum: DOMAIN_CODES })
  @IsOptional()
  @IsIn(DOMAIN_CODES)
  domain?: DomainCode;
}
