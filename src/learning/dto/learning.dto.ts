import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ExportFormat } from '../../common/export/table-export';
import { PageQuery } from '../../common/http/pagination';
import { DOMAIN_CODES, DomainCode } from '../../learning-records/learning-domains';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^\d+$/.test(String(value)) ? Number(value) : value;

/** /courses: text (with or without diacritics), a domain chip, an institution. */
export class LearnerCatalogQuery extends PageQuery {
  @IsOptional() @IsIn(DOMAIN_CODES) domain?: DomainCode;
  /** Id of the training institution. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) institution?: number;
}

/** /learn/history: a year, a domain, and `format=xlsx|csv` to download the same list. */
export class HistoryQuery {
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100000) page?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200) size?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(2000) @Max(2100) year?: number;
  @IsOptional() @IsIn(DOMAIN_CODES) domain?: DomainCode;
  @IsOptional() @IsIn(['xlsx', 'csv']) format?: ExportFormat;
}

/** "Bắt đầu học" on a lesson's page sends that lesson, to come back to it once enrolled. */
export class EnrolForm {
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) lessonId?: number;
}

/**
 * JSON from the lesson page's script, or a form body (`seconds` and `_csrf`) from its
 * navigator.sendBeacon when the page is hidden or left: a beacon cannot set the CSRF header.
 */
export class HeartbeatDto {
  /** Seconds the page was visible since its previous heartbeat; the server credits at most 60. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(3600) seconds?: number;
}

export class QuizPairDto {
  /** A left item of a MATCHING question (one of its option ids). */
  @IsInt() @Min(1) optionId: number;
  /** The right-hand side chosen for it, one of the question's `choices`. */
  @IsString() @MaxLength(1000) match: string;
}

/** One answer: `optionIds` for SINGLE, MULTIPLE and TRUE_FALSE, `text` for SHORT_ANSWER, `pairs` for MATCHING. */
export class QuizAnswerDto {
  @IsInt() @Min(1) questionId: number;
  /** The options chosen: one for a single-choice or true/false question. */
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsInt({ each: true }) optionIds?: number[];
  @IsOptional() @IsString() @MaxLength(500) text?: string;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => QuizPairDto)
  pairs?: QuizPairDto[];
}

export class QuizSubmissionDto {
  /**
   * The key handed out with the quiz (GET …/quizzes/:quizId). Sending the same key again returns
   * the attempt already stored instead of a new one.
   */
  @IsString() @Matches(/^[A-Za-z0-9_-]{16,64}$/) submissionKey: string;
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => QuizAnswerDto)
  answers: QuizAnswerDto[];
}
