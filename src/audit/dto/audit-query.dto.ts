import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { AuditSubject } from '../entities/audit-entry.entity';

export const AUDIT_SUBJECTS: AuditSubject[] = [
  'worker',
  'user',
  'employment',
  'reconciliation',
  'enterprise',
  'commendation',
  'good_model',
];

export class AuditQueryDto extends PageQuery {
  @IsOptional()
  @IsIn(AUDIT_SUBJECTS)
  subject?: AuditSubject;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  subjectId?: number;

  @IsOptional()
  @IsString()
  @MaxLength(60)
  @Matches(/^[a-z.]*$/)
  action?: string;
}
