import { Foundation1764000000000 } from './1764000000000-foundation';
import { Learning1764000003000 } from './1764000003000-learning';
import { LessonHeartbeat1764000005000 } from './1764000005000-lesson-heartbeat';
import { Citizenship1764000007000 } from './1764000007000-citizenship';
import { CriteriaActivation1764000008000 } from './1764000008000-criteria-activation';
import { Indicators1764000010000 } from './1764000010000-indicators';
import { AnnualReportFreeze1764000012000 } from './1764000012000-annual-report-freeze';
import { Privacy1764000013000 } from './1764000013000-privacy';
import { LearningLatestDates1764000014000 } from './1764000014000-learning-latest-dates';
import { AuditLog1764000015000 } from './1764000015000-audit-log';
import { AccountsAndSignIn1764000016000 } from './1764000016000-accounts-and-sign-in';
import { CriteriaOwner1764000016100 } from './1764000016100-criteria-owner';
import { OnePersonManyEmployers1764000017000 } from './1764000017000-one-person-many-employers';
import { OneImportPipeline1764000018000 } from './1764000018000-one-import-pipeline';
import { JobRunRetention1764000019000 } from './1764000019000-job-run-retention';
import { BodiesInTime1764000020000 } from './1764000020000-bodies-in-time';
import { UnionsInTime1764000021000 } from './1764000021000-unions-in-time';
import { MaterialAuthorType1764000022000 } from './1764000022000-material-author-type';
import { HistoryImports1764000023000 } from './1764000023000-history-imports';
import { Assignments1764000024000 } from './1764000024000-assignments';
import { QuestionBanks1764000025000 } from './1764000025000-question-banks';
import { TerritoryAssignments1764000027000 } from './1764000027000-territory-assignments';
import { Surveys1764000028000 } from './1764000028000-surveys';
import { Campaigns1764000029000 } from './1764000029000-campaigns';
import { Contests1764000030000 } from './1764000030000-contests';
import { CommendationsAndSupport1764000031000 } from './1764000031000-commendations-and-support';
import { ReportSections1764000032000 } from './1764000032000-report-sections';
import { ContestCommunes1764000033000 } from './1764000033000-contest-communes';
import { EmploymentReach1764000035000 } from './1764000035000-employment-reach';

/** Every migration, in order. Both databases run exactly this list. */
export const migrations = [
  Foundation1764000000000,
  Learning1764000003000,
  LessonHeartbeat1764000005000,
  Citizenship1764000007000,
  CriteriaActivation1764000008000,
  Indicators1764000010000,
  AnnualReportFreeze1764000012000,
  Privacy1764000013000,
  LearningLatestDates1764000014000,
  AuditLog1764000015000,
  AccountsAndSignIn1764000016000,
  CriteriaOwner1764000016100,
  OnePersonManyEmployers1764000017000,
  OneImportPipeline1764000018000,
  JobRunRetention1764000019000,
  BodiesInTime1764000020000,
  UnionsInTime1764000021000,
  MaterialAuthorType1764000022000,
  HistoryImports1764000023000,
  Assignments1764000024000,
  QuestionBanks1764000025000,
  TerritoryAssignments1764000027000,
  Surveys1764000028000,
  Campaigns1764000029000,
  Contests1764000030000,
  CommendationsAndSupport1764000031000,
  ReportSections1764000032000,
  ContestCommunes1764000033000,
  EmploymentReach1764000035000,
];
