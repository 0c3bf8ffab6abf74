import { ArgumentMetadata, INestApplication, Type, ValidationPipe } from '@nestjs/common';
import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { getMetadataStorage } from 'class-validator';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CreateSessionDto, AttendanceDto, SessionDto } from '../../../src/activities/dto/session.dto';
import {
  AddWorkersDto,
  CreateAssignmentDto,
  CreateTerritoryAssignmentDto,
  PickWorkersDto,
} from '../../../src/assignments/dto/assignment.dto';
import { ActivateDto, ChangePasswordDto, CreateApiTokenDto } from '../../../src/auth/dto/auth.dto';
import {
  CreateContestDto,
  CreateQuestionDto,
  CreateRoundDto,
  RecordResultDto,
  RecordResultFormDto,
  RegisterWorkersDto,
  SubmitAttemptDto,
} from '../../../src/engagement/contests/dto/contest.dto';
import {
  CourseDto,
  LessonDto,
  MoveDto,
  NewQuizDto,
  QuestionDto,
  QuestionFormDto,
  QuizDto,
} from '../../../src/catalog/dto/course.dto';
import {
  CriteriaContentDto,
  CriteriaGroupDto,
  CriteriaSettingsDto,
  CriterionFormDto,
} from '../../../src/citizenship/applications/criteria/dto/criteria.dto';
import { StartBatchDto } from '../../../src/citizenship/applications/evaluation/dto/batch.dto';
import {
  AnswerDto,
  PlanDto as LearningPlanDto,
} from '../../../src/citizenship/applications/worker-year/dto/worker-year.dto';
import {
  BulkDecisionDto,
  BulkRejectDto,
  CommentDto,
  IdsDto,
  ReasonDto,
} from '../../../src/citizenship/review/dto/review.dto';
import {
  IndicatorDto,
  MilestoneDto,
  PlanDto,
  ReportingBodyDto,
  RollupRequestDto,
  TargetsDto,
} from '../../../src/indicators/dto/plan.dto';
import { EnrolForm, HeartbeatDto, QuizSubmissionDto } from '../../../src/learning/dto/learning.dto';
import { ExternalRecordDto } from '../../../src/learning-records/dto/external-record.dto';
import { PartnershipDto } from '../../../src/learning-records/dto/partnership.dto';
import { MaterialDto } from '../../../src/materials/dto/material.dto';
import { AdminUnitDto, AdminUnitMappingDto } from '../../../src/organisations/dto/admin-unit.dto';
import { AssociationBranchDto } from '../../../src/organisations/dto/branch.dto';
import {
  EnterpriseCommuneDto,
  EnterpriseDto,
  HeadcountDto,
  HeadcountValueDto,
} from '../../../src/organisations/dto/enterprise.dto';
import { TrainingInstitutionDto } from '../../../src/organisations/dto/institution.dto';
import { GrassrootsUnionDto } from '../../../src/organisations/dto/union.dto';
import {
  AcceptConsentDto,
  AccessLogSearchDto,
  AnswerRequestDto,
  CorrectionRequestDto,
  DeletionRequestDto,
} from '../../../src/privacy/dto/privacy.dto';
import { ReportNarrativeDto } from '../../../src/reports/dto/report.dto';
import {
  CreateUserDto,
  PasswordResetDto,
  RoleGrantDto,
  UserStatusDto,
} from '../../../src/accounts/dto/user-admin.dto';
import {
  BookLogDto,
  ConfirmBookLogDto,
  RejectBookLogDto,
} from '../../../src/engagement/campaigns/dto/book-log.dto';
import { CampaignDto } from '../../../src/engagement/campaigns/dto/campaign.dto';
import {
  DecisionDto,
  GoodModelDto,
  GoodModelEditDto,
  NominationDto,
  NominationEditDto,
} from '../../../src/engagement/commendations/dto/commendation.dto';
import { SupportDto } from '../../../src/engagement/support/dto/support.dto';
import { eventually } from '../../support/eventually';
import { createReconciliation } from '../../support/workers-factory';
import { ReconciliationDecisionDto } from '../../../src/workers/reconciliation/dto/reconciliation.dto';
import {
  CccdLookupDto,
  CreateWorkerDto,
  EndEmploymentDto,
  FullExportDto,
  UnionMemberDto,
  UpdateWorkerDto,
  UploadRosterDto,
  WorkerSearchDto,
} from '../../../src/workers/dto/worker.dto';
import { Browser, createTestApp } from '../../support/test-app';
import { createApplication, createCriteriaSet } from '../../support/citizenship-factory';
import { ApplicationStatus } from '../../../src/citizenship/entities/application.entity';
import { nestRoutes, RouteInfo, routeName } from '../../support/security-routes';
import { formErrorFromValidation } from '../../../src/common/errors/form-error';
import {
  IssueCodesDto,
  SurveyAnswersDto,
  SurveyCodeDto,
  SurveyDto,
  SurveyQuestionDto,
  SurveyTargetsDto,
} from '../../../src/engagement/surveys/dto/survey.dto';

/**
 * Issue 6, item 3: mass assignment. Every DTO that a POST/PUT/PATCH route takes as its body
 * (found through the route inventory) is sent as a valid body plus fields it does not declare:
 * roles, scope ids, ids of other rows, a status, nested objects, `__proto__` and `constructor`.
 * Pass: the global ValidationPipe (whitelist + forbidNonWhitelisted) refuses it with 400 — a JSON
 * error for the API, the form shown again for pages — and no row of the database changes.
 */

/** A valid body of each DTO; a DTO used by a route but missing here fails the test. */
const VALID = new Map<Type<unknown>, Record<string, unknown>>([
  [
    ChangePasswordDto,
    { currentPassword: 'hoctap2030', password: 'một mật khẩu dài', passwordConfirm: 'một mật khẩu dài' },
  ],
  [CreateApiTokenDto, { name: 'Hệ thống nhân sự', expiresInDays: 30 }],
  [
    ActivateDto,
    {
      username: 'nguoilaodong',
      code: 'ABCD-1234',
      password: 'một mật khẩu dài',
      passwordConfirm: 'một mật khẩu dài',
    },
  ],
  [CreateSessionDto, session({ enterpriseId: 1 })],
  [SessionDto, session({})],
  [AttendanceDto, { workerIds: [1, 2] }],
  [CreateAssignmentDto, { courseId: 1, dueOn: '2099-12-31', remindDaysBefore: 3, wholeRoster: true }],
  [AddWorkersDto, { workerIds: [1, 2] }],
  [CreateTerritoryAssignmentDto, { unitId: 1, courseId: 1, dueOn: '2099-12-31', remindDaysBefore: 3 }],
  [
    CampaignDto,
    {
      title: 'Tháng đọc sách',
      theme: 'Đọc một cuốn sách',
      startsOn: '2025-04-01',
      endsOn: '2025-04-30',
      unitIds: 1,
    },
  ],
  [BookLogDto, { title: 'Đắc nhân tâm', author: 'Dale Carnegie', readOn: '2025-04-21', reflection: 'Hay.' }],
  [ConfirmBookLogDto, { hours: 2 }],
  [RejectBookLogDto, { reason: 'Cảm nhận quá ngắn' }],
  [PickWorkersDto, { workerIds: [1, 2] }],
  [SurveyDto, { title: 'Khảo sát nhu cầu học tập', opensOn: '2099-01-01', closesOn: '2099-01-31' }],
  [SurveyQuestionDto, { kind: 'SINGLE', text: 'Hình thức học?', choices: 'Trực tuyến\nTập trung' }],
  [SurveyTargetsDto, { enterpriseIds: [1], unitIds: [] }],
  [IssueCodesDto, { count: 5 }],
  [SurveyCodeDto, { code: 'ABCD-EFGH' }],
  [SurveyAnswersDto, { answers: [{ questionId: 1, choices: [0] }] }],
  [NominationDto, { year: 2026, kind: 'WORKER', workerId: 1, achievement: 'Học tập tiêu biểu' }],
  [DecisionDto, { decision: 'DECLINED', reason: 'Chưa đủ minh chứng' }],
  [GoodModelDto, { title: 'Tủ sách công nhân', body: 'Mỗi tổ một tủ sách.', enterpriseId: 1 }],
  [NominationEditDto, { achievement: 'Học tập tiêu biểu, đã bổ sung' }],
  [GoodModelEditDto, { title: 'Tủ sách công nhân', body: 'Mỗi tổ một tủ sách.' }],
  [
    SupportDto,
    { year: 2026, fundsCommitted: 1000000, fundsSpent: 500000, paidStudyHours: 10, materialsSupplied: 5 },
  ],
  [CreateContestDto, { kind: 'LAW_QUIZ', title: 'Thi tìm hiểu pháp luật', year: 2026, hours: 1 }],
  [
    CreateRoundDto,
    { name: 'Vòng 1', opensAt: '2026-04-21T08:00', closesAt: '2026-04-28T17:00', timeLimitMinutes: 15 },
  ],
  [CreateQuestionDto, { prompt: 'Câu hỏi?', options: ['A', 'B'], correct: [1] }],
  [RegisterWorkersDto, { workerIds: [1, 2] }],
  [RecordResultDto, { workerId: 1, score: 90, rank: 1, prize: 'Giải Nhất' }],
  [RecordResultFormDto, { roundId: 1, workerId: 1, score: 90 }],
  [SubmitAttemptDto, { answers: { '1': [0] } }],
  [
    CreateUserDto,
    {
      username: 'can.bo.moi',
      displayName: 'Cán bộ mới',
      email: 'moi@example.vn',
      role: 'UNION_OFFICER',
      scope: 'ENTERPRISE:1',
    },
  ],
  [RoleGrantDto, { role: 'DEPARTMENT_VIEWER', scope: 'ALL' }],
  [UserStatusDto, { status: 'ACTIVE' }],
  [PasswordResetDto, { reason: 'Người dùng quên mật khẩu, đã gọi điện xác nhận' }],
  [
    CourseDto,
    {
      title: 'Kỹ năng số cơ bản',
      level: 'BEGINNER',
      estimatedHours: 4,
      language: 'vi',
      licence: 'CC-BY-4.0',
      domains: ['DIGITAL'],
    },
  ],
  [LessonDto, { title: 'Bài 1', bodyHtml: '<p>Nội dung</p>', completionRule: 'OPENED', required: true }],
  [MoveDto, { direction: 'up' }],
  [NewQuizDto, { title: 'Kiểm tra', passPercent: 70, maxAttempts: 3, shuffle: false }],
  [QuizDto, { title: 'Kiểm tra', passPercent: 70, maxAttempts: 3, shuffle: false }],
  [
    QuestionDto,
    {
      kind: 'SINGLE',
      prompt: 'Câu hỏi?',
      options: [
        { label: 'Đúng', correct: true },
        { label: 'Sai', correct: false },
      ],
    },
  ],
  [QuestionFormDto, { kind: 'SINGLE', prompt: 'Câu hỏi?', option: ['Đúng', 'Sai'], correct: [0] }],
  [
    CriteriaContentDto,
    {
      title: 'Bộ tiêu chí',
      passMark: 50,
      groups: [
        {
          code: '1',
          name: 'Tự học',
          criteria: [
            { code: '1.1', title: 'Đọc sách', points: 50, evidence: 'DECLARED' },
            {
              code: '1.2',
              title: 'Học số',
              points: 50,
              evidence: 'AUTO',
              rule: { type: 'DOMAIN_RECORDS', domain: 'DIGITAL', minRecords: 1 },
            },
          ],
        },
      ],
    },
  ],
  [CriteriaSettingsDto, { title: 'Bộ tiêu chí', passMark: 50 }],
  [CriteriaGroupDto, { code: '3', name: 'Nhóm mới', minPoints: 10 }],
  [
    CriterionFormDto,
    { groupCode: '1', code: '1.9', title: 'Tiêu chí mới', points: 10, evidence: 'DECLARED' },
  ],
  [StartBatchDto, { year: 2025, kind: 'PROVINCE' }],
  [AnswerDto, { criterionCode: '1.1', statement: 'Tôi đọc sách mỗi tuần.' }],
  [LearningPlanDto, { goalDIGITAL: 'Học bảng tính', hoursDIGITAL: 10 }],
  [BulkDecisionDto, { ids: [1], decision: 'reject', reason: 'Thiếu minh chứng' }],
  [BulkRejectDto, { ids: [1], reason: 'Thiếu minh chứng' }],
  [CommentDto, { comment: 'Bổ sung minh chứng' }],
  [IdsDto, { ids: [1] }],
  [ReasonDto, { reason: 'Thiếu minh chứng' }],
  [IndicatorDto, { label: 'Pháp luật', countingWindow: 'PLAN_TO_DATE' }],
  [MilestoneDto, { year: 2025, kind: 'MID_TERM', label: 'Sơ kết', reviewDate: '2025-12-15' }],
  [
    PlanDto,
    {
      code: 'KH-THU',
      title: 'Kế hoạch thử',
      issuingBody: 'UBND tỉnh',
      unitId: 1,
      startDate: '2023-01-01',
      endDate: '2030-12-31',
    },
  ],
  [ReportingBodyDto, { kind: 'DEPARTMENT', name: 'Sở Thử', dueMonthDay: '12-01' }],
  [RollupRequestDto, { planId: 1, asOf: '2025-06-30' }],
  [TargetsDto, { targets: [{ indicator: 'LAW', year: 2025, percent: 70 }] }],
  [HeartbeatDto, { seconds: 30 }],
  [EnrolForm, { lessonId: 1 }],
  [
    QuizSubmissionDto,
    { submissionKey: 'abcdefghijklmnop1234', answers: [{ questionId: 1, optionIds: [1] }] },
  ],
  [
    ExternalRecordDto,
    {
      externalId: 'EXT-1',
      cccd: '001090000001',
      dateOfBirth: '1990-01-01',
      title: 'Khoá học',
      completedOn: '2025-03-01',
      hours: 4,
      domains: ['DIGITAL'],
    },
  ],
  [PartnershipDto, { institutionId: 1, enterpriseId: 1 }],
  [
    MaterialDto,
    {
      title: 'Tài liệu',
      kind: 'LINK',
      url: 'https://example.vn/tai-lieu',
      licence: 'CC-BY-4.0',
      author: 'Trường',
      language: 'vi',
    },
  ],
  [AdminUnitDto, { code: 'X1', name: 'Xã Một', kind: 'COMMUNE', parentId: 1 }],
  [AdminUnitMappingDto, { toUnitId: 1, effectiveDate: '2025-07-01' }],
  [AssociationBranchDto, { name: 'Hội Khuyến học xã', unitId: 1 }],
  [EnterpriseDto, { name: 'Công ty Mới', taxCode: '6400123455', unitId: 1 }],
  [HeadcountDto, { year: 2025, headcount: 100 }],
  [HeadcountValueDto, { headcount: 100 }],
  [EnterpriseCommuneDto, { unitId: 1 }],
  [TrainingInstitutionDto, { name: 'Trường Mới', kind: 'COLLEGE' }],
  [GrassrootsUnionDto, { enterpriseId: 1, name: 'Công đoàn cơ sở' }],
  [ReportNarrativeDto, { activities: 'Đã tổ chức', difficulties: 'Không', proposals: 'Không' }],
  [CccdLookupDto, { cccd: '001090000001' }],
  [
    CreateWorkerDto,
    {
      fullName: 'Nguyễn Văn Mới',
      dateOfBirth: '1990-01-01',
      gender: 'MALE',
      cccd: '001090000001',
      startDate: '2024-01-01',
      enterpriseId: 1,
    },
  ],
  [EndEmploymentDto, { endDate: '2025-01-31' }],
  [UnionMemberDto, { unionMember: true }],
  [UpdateWorkerDto, { fullName: 'Nguyễn Văn Sửa' }],
  [UploadRosterDto, { enterpriseId: 1 }],
  [WorkerSearchDto, { q: 'Nguyễn', status: 'all' }],
  [FullExportDto, { reason: 'Danh sách đóng BHXH', status: 'all' }],
  [ReconciliationDecisionDto, { decision: 'reject', reason: 'Không phải cùng một người' }],
  [AcceptConsentDto, { version: 1, agree: 'true' }],
  [DeletionRequestDto, { reason: 'Tôi đã nghỉ việc' }],
  [CorrectionRequestDto, { details: 'Sửa ngày sinh' }],
  [AnswerRequestDto, { outcome: 'Đã sửa', done: 'true' }],
  [AccessLogSearchDto, { cccd: '001090000001', from: '2026-01-01', to: '2026-12-31' }],
]);

/**
 * Forms whose field names carry data (an indicator code, a year), so no DTO class can list them:
 * the handler refuses any other field itself (plans.presenters.ts). Their valid bodies.
 */
const NAMED_FIELD_FORMS: Record<string, Record<string, unknown>> = {
  'POST /contests/:id/rounds/:roundId/submit': { q1: '0' },
  'POST /indicators/plans/:id/indicators': { label_LAW: 'Pháp luật', window_LAW: 'PLAN_TO_DATE' },
  'POST /indicators/plans/:id/targets': { target_LAW_2025: '70' },
  // Survey answers: one q_<question id> field per question (survey-answers.ts refuses the rest).
  'POST /survey-code/answer': { q_1: '0' },
  'POST /surveys/:id/answer': { q_1: '0' },
};

function session(extra: Record<string, unknown>) {
  return {
    title: 'Tuyên truyền pháp luật',
    kind: 'LAW_TALK',
    domains: ['LAW'],
    startsAt: '2025-04-21T08:00',
    endsAt: '2025-04-21T10:00',
    place: 'Hội trường',
    organiser: 'Công đoàn cơ sở',
    hours: 2,
    ...extra,
  };
}

/**
 * What an attacker adds. Fields a DTO declares itself (e.g. CreateWorkerDto's enterpriseId) are
 * left out for that DTO: those are checked against the caller's scope (access-matrix.test.ts).
 */
const EXTRAS: Record<string, unknown> = {
  role: 'SYSTEM_ADMIN',
  roles: ['SYSTEM_ADMIN'],
  scopeType: 'ALL',
  scopeId: 1,
  enterpriseId: 2,
  unitId: 2,
  branchId: 2,
  institutionId: 2,
  status: 'RECOGNISED',
  id: 1,
  userId: 1,
  workerId: 1,
  createdBy: 1,
  passwordHash: 'x',
  nested: { role: 'SYSTEM_ADMIN', scopeId: 1 },
};
/** Sent as raw JSON text: in a JS object literal `__proto__` would set the prototype instead. */
const PROTO_JSON = '"__proto__":{"role":"SYSTEM_ADMIN"},"constructor":{"prototype":{"role":"SYSTEM_ADMIN"}}';

/** The pipe of AppModule, with the same options. */
const pipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => formErrorFromValidation(errors),
});

function declared(dto: Type<unknown>): Set<string> {
  return new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(dto, '', true, false)
      .map((m) => m.propertyName),
  );
}

function extrasFor(dto: Type<unknown>): Record<string, unknown> {
  const own = declared(dto);
  return Object.fromEntries(Object.entries(EXTRAS).filter(([key]) => !own.has(key)));
}

async function validate(dto: Type<unknown>, body: unknown): Promise<unknown> {
  const meta: ArgumentMetadata = { type: 'body', metatype: dto };
  return pipe.transform(body, meta);
}

/** Field errors of a refused body, or null when it was accepted. */
async function refusal(dto: Type<unknown>, body: unknown): Promise<Record<string, unknown> | null> {
  try {
    await validate(dto, body);
    return null;
  } catch (error) {
    return (error as { fieldErrors?: Record<string, unknown> }).fieldErrors ?? { error: String(error) };
  }
}

describe('mass assignment', () => {
  let app: INestApplication;
  let db: DataSource;
  let routes: RouteInfo[];
  let bodyRoutes: RouteInfo[];
  const dtos = new Set<Type<unknown>>();

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    routes = nestRoutes(app);
    bodyRoutes = routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && r.bodyType);
    for (const r of bodyRoutes) if (r.bodyType !== Object) dtos.add(r.bodyType as Type<unknown>);
  }, 60_000);
  afterAll(() => app?.close());

  it('every route that reads a body reads it through a DTO class', () => {
    // `@Body() body: Record<…>` has no class to validate, so the pipe lets anything through.
    const untyped = bodyRoutes.filter((r) => r.bodyType === Object).map(routeName);
    expect(untyped).toEqual(Object.keys(NAMED_FIELD_FORMS));
    expect(routes.filter((r) => r.bodyField).map(routeName)).toEqual([]);
  });

  it('has a valid example body for every DTO, and the pipe accepts it', async () => {
    const missing = [...dtos].filter((dto) => !VALID.has(dto)).map((dto) => dto.name);
    expect(missing).toEqual([]);
    const refused: string[] = [];
    for (const dto of dtos) {
      const errors = await refusal(dto, structuredClone(VALID.get(dto)));
      if (errors) refused.push(`${dto.name}: ${JSON.stringify(errors)}`);
    }
    expect(refused).toEqual([]);
    console.log(`mass assignment: ${dtos.size} DTOs on ${bodyRoutes.length} routes`);
  });

  it('refuses each extra field on every DTO, naming it', async () => {
    const accepted: string[] = [];
    for (const dto of dtos) {
      for (const [field, value] of Object.entries(extrasFor(dto))) {
        const errors = await refusal(dto, { ...structuredClone(VALID.get(dto)), [field]: value });
        if (!errors || !(field in errors)) accepted.push(`${dto.name}.${field}`);
      }
    }
    expect(accepted).toEqual([]);
  });

  it('refuses extra fields inside nested objects and arrays of objects', async () => {
    const nested: [Type<unknown>, (body: Record<string, unknown>) => void][] = [
      [QuestionDto, (b) => ((b.options as Record<string, unknown>[])[0].id = 99)],
      [TargetsDto, (b) => ((b.targets as Record<string, unknown>[])[0].planId = 2)],
      [QuizSubmissionDto, (b) => ((b.answers as Record<string, unknown>[])[0].attemptId = 1)],
      [CriteriaContentDto, (b) => ((b.groups as Record<string, unknown>[])[0].setId = 2)],
      [
        CriteriaContentDto,
        (b) =>
          ((
            (b.groups as { criteria: Record<string, unknown>[] }[])[0].criteria[1].rule as Record<
              string,
              unknown
            >
          ).status = 'ACTIVE'),
      ],
    ];
    const accepted: string[] = [];
    for (const [dto, tamper] of nested) {
      const body = structuredClone(VALID.get(dto))!;
      tamper(body);
      if (!(await refusal(dto, body))) accepted.push(`${dto.name}: ${JSON.stringify(body)}`);
    }
    expect(accepted).toEqual([]);
  });

  describe('over HTTP, as a caller allowed on the route', () => {
    const browsers = new Map<string, Browser>();
    const tokens = new Map<string, string>();

    /** Who sends each route's request: a holder of one of its roles (demo logins). */
    function callerOf(route: RouteInfo): string | null {
      if (route.access.kind === 'public') return null;
      if (route.access.kind === 'signedIn') return 'congdoan.tamphat';
      if (route.access.kind === 'undeclared') return null;
      const roles = route.access.roles;
      if (roles.includes('FEDERATION_ADMIN' as never)) return 'liendoan';
      const byRole: Record<string, string> = {
        UNION_OFFICER: 'congdoan.tamphat',
        INSTITUTION_EDITOR: 'truong.caodang',
        ASSOCIATION_REVIEWER: 'khuyenhoc.tinh',
        WORKER: 'nguoilaodong',
        DEPARTMENT_VIEWER: 'so.gddt',
        SYSTEM_ADMIN: 'admin',
      };
      return byRole[roles[0]];
    }

    async function browserOf(username: string | null): Promise<Browser> {
      const key = username ?? '(anonymous)';
      if (!browsers.has(key)) {
        const browser = new Browser(app);
        if (username) await browser.login(username);
        else await browser.get('/login');
        browsers.set(key, browser);
      }
      const browser = browsers.get(key)!;
      await browser.get('/');
      return browser;
    }

    async function tokenOf(username: string): Promise<string> {
      if (!tokens.has(username)) {
        const browser = await browserOf(username);
        await browser.get('/account/tokens');
        const res = await browser.submit('/account/tokens', { name: 'mass assignment' });
        const token = /htp_[A-Za-z0-9_-]+/.exec(res.text ?? '')?.[0];
        if (!token) throw new Error(`no token for ${username} (${res.status})`);
        tokens.set(username, token);
      }
      return tokens.get(username)!;
    }

    /** Waits on the job runs' own state (no fixed sleep): none queued, running or waiting to retry. */
    async function jobsIdle(): Promise<void> {
      await eventually(
        'no job run queued, running or waiting to retry',
        async () =>
          Number(
            (
              await db.query(
                "SELECT COUNT(*) AS n FROM job_runs WHERE status IN ('QUEUED', 'RUNNING', 'RETRYING')",
              )
            )[0].n,
          ),
        { until: (unfinished) => unfinished === 0, timeoutMs: 60_000 },
      );
    }

    /** Every table's rows, hashed; sessions and tokens' last use change with any request. */
    async function fingerprint(): Promise<Map<string, string>> {
      const tables = (await db.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )) as { name: string }[];
      const out = new Map<string, string>();
      for (const { name } of tables) {
        if (['sessions', 'api_tokens', 'login_attempts'].includes(name)) continue;
        const rows = await db.query(`SELECT * FROM "${name}"`);
        out.set(name, createHash('sha1').update(JSON.stringify(rows)).digest('hex'));
      }
      return out;
    }

    async function realParams(): Promise<Record<string, string | number>> {
      const one = async (sql: string) =>
        Object.values(((await db.query(sql)) as object[])[0] ?? { v: 1 })[0] as number;
      const plan = await one("SELECT id FROM plans WHERE code = 'DAKNONG-1268-2030'");
      const criteriaSet = await one('SELECT set_id FROM criteria_groups ORDER BY id LIMIT 1');
      const group = await one(
        `SELECT code FROM criteria_groups WHERE set_id = ${criteriaSet} ORDER BY id LIMIT 1`,
      );
      // A confirmed application, so the reviewer's page (shown again on a refusal) exists.
      const [employment] = (await db.query(
        'SELECT worker_id, enterprise_id FROM employments ORDER BY id LIMIT 1',
      )) as { worker_id: number; enterprise_id: number }[];
      const application = (
        await createApplication(db, {
          workerId: Number(employment.worker_id),
          enterpriseId: Number(employment.enterprise_id),
          criteria: await createCriteriaSet(db),
          status: ApplicationStatus.Confirmed,
        })
      ).id;
      const reconciliation = await createReconciliation(
        db,
        Number(employment.worker_id),
        Number(employment.enterprise_id),
      );
      // An assignment of the Tâm Phát officer's enterprise, so its roster page (shown again on a refusal) exists.
      await db.query(
        `INSERT INTO assignments (enterprise_id, course_id, due_on, created_by)
         SELECT e.id, (SELECT MIN(id) FROM courses WHERE status = 'PUBLISHED'), '2099-12-31', 1
         FROM enterprises e WHERE e.tax_code = '6400123455'`,
      );
      const assignment = await one('SELECT MAX(id) AS id FROM assignments');
      // A pending nomination, so the decision page (shown again on a refusal) exists.
      await db.query(
        `INSERT INTO commendations (year, kind, enterprise_id, worker_id, achievement, status, nominated_by)
         SELECT 2026, 'WORKER', enterprise_id, worker_id, 'Học tập tiêu biểu', 'PENDING', 1 FROM employments ORDER BY id LIMIT 1`,
      );
      const nomination = await one('SELECT MAX(id) AS id FROM commendations');
      // A pending nomination of the Tâm Phát officer's enterprise, so its edit form (shown again on a refusal) exists.
      await db.query(
        `INSERT INTO commendations (year, kind, enterprise_id, worker_id, achievement, status, nominated_by)
         SELECT 2026, 'CHILD', m.enterprise_id, m.worker_id, 'Học sinh giỏi', 'PENDING', 1 FROM employments m
         JOIN enterprises e ON e.id = m.enterprise_id WHERE e.tax_code = '6400123455' ORDER BY m.id LIMIT 1`,
      );
      const ownNomination = await one('SELECT MAX(id) AS id FROM commendations');
      // A question of a course's bank (the demo safety course), so its form (shown again on a refusal) exists.
      const [bankQuestion] = (await db.query(
        'SELECT id, course_id FROM quiz_questions WHERE course_id IS NOT NULL ORDER BY id LIMIT 1',
      )) as { id: number; course_id: number }[];
      return {
        'POST /catalog/courses/:courseId/bank/questions/:questionId courseId': Number(bankQuestion.course_id),
        'POST /catalog/courses/:courseId/bank/questions/:questionId questionId': Number(bankQuestion.id),
        year: 2025,
        code: '1.1',
        'POST /assignments/:id/workers id': assignment,
        'POST /engagement/commendations/:id/decision id': nomination,
        'POST /engagement/commendations/:id id': ownNomination,
        'PATCH /api/v1/engagement/commendations/:id id': ownNomination,
        'POST /workers/reconciliations/:id/decision id': reconciliation,
        'POST /api/v1/identity-reconciliations/:id/decision id': reconciliation,
        'POST /indicators/plans/:id/indicators id': plan,
        'POST /indicators/plans/:id/targets id': plan,
        'POST /citizenship/criteria/:id/groups/:code id': criteriaSet,
        'POST /citizenship/criteria/:id/groups/:code code': group,
        'POST /citizenship/review/applications/:id/reject id': application,
        'POST /citizenship/review/applications/:id/revoke id': application,
      };
    }

    /** Routes that read a multipart form (FileUploadInterceptor): their fields are sent that way too. */
    function isMultipart(route: RouteInfo): boolean {
      const handler = (route.controller.prototype as Record<string, object>)[route.handlerName];
      const interceptors = (Reflect.getMetadata(INTERCEPTORS_METADATA, handler) ?? []) as unknown[];
      return interceptors.some((interceptor) => /multer/.test(String(interceptor)));
    }

    type Variant = 'fields' | 'prototype' | 'multipart';

    /** One request: the valid body with the extra fields, or with `__proto__`/`constructor` keys. */
    async function send(route: RouteInfo, path: string, variant: Variant): Promise<request.Response> {
      const dto = route.bodyType as Type<unknown>;
      const valid = dto === Object ? NAMED_FIELD_FORMS[routeName(route)] : structuredClone(VALID.get(dto))!;
      const extra = variant === 'prototype' ? {} : dto === Object ? EXTRAS : extrasFor(dto);
      const body = { ...valid, ...extra };
      const username = callerOf(route);
      const method = route.method.toLowerCase() as 'post' | 'put' | 'patch';
      // Pairs, not an object: `{ __proto__: … }` in a literal would set the prototype instead.
      const pairs: [string, string][] = Object.entries(body).map(([key, value]) => [
        key,
        typeof value === 'object' ? JSON.stringify(value) : String(value),
      ]);
      if (variant === 'prototype') pairs.push(['__proto__', 'x'], ['constructor', 'x']);
      if (variant === 'multipart') {
        const browser = await browserOf(username);
        let call = browser.agent[method](path).field('_csrf', browser.csrf);
        if (path.startsWith('/api/') && username !== 'nguoilaodong' && username)
          call = request(app.getHttpServer())
            [method](path)
            .set('Authorization', `Bearer ${await tokenOf(username)}`);
        for (const [key, value] of pairs) call = call.field(key, value);
        return call;
      }
      if (path.startsWith('/api/')) {
        const json =
          variant === 'prototype'
            ? JSON.stringify(body).replace(/}$/, `${Object.keys(body).length ? ',' : ''}${PROTO_JSON}}`)
            : JSON.stringify(body);
        if (username && username !== 'nguoilaodong')
          return request(app.getHttpServer())
            [method](path)
            .set('Authorization', `Bearer ${await tokenOf(username)}`)
            .set('Content-Type', 'application/json')
            .send(json);
        const browser = await browserOf(username);
        return browser.agent[method](path)
          .set('x-csrf-token', browser.csrf)
          .set('Content-Type', 'application/json')
          .send(json);
      }
      // A form, as a browser sends it: flat fields (nested objects flattened as text).
      const browser = await browserOf(username);
      const form = [['_csrf', browser.csrf], ...pairs]
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
        .join('&');
      return browser.agent[method](path).type('form').send(form);
    }

    it('answers 400 to every body route sent a valid body with extra fields, and writes nothing', async () => {
      const failures: string[] = [];
      const changed: string[] = [];
      const params = await realParams();
      // Every caller signed in (a sign-in writes to users) and every job started by the set-up
      // finished, before the first fingerprint.
      for (const route of bodyRoutes) {
        const username = callerOf(route);
        await browserOf(username);
        if (username && username !== 'nguoilaodong' && route.path.startsWith('/api/'))
          await tokenOf(username);
      }
      await jobsIdle();
      let requests = 0;
      for (const route of bodyRoutes) {
        // Real rows where the form is shown again with its page (which loads the row).
        const path = route.path.replace(/:(\w+)/g, (_m, name: string) =>
          String(params[`${routeName(route)} ${name}`] ?? params[name] ?? 1),
        );
        const variants: Variant[] = [
          'fields',
          'prototype',
          ...(isMultipart(route) ? ['multipart' as const] : []),
        ];
        const before = await fingerprint();
        for (const variant of variants) {
          const res = await send(route, path, variant);
          requests++;
          const label = `${routeName(route)} (${variant}) as ${callerOf(route) ?? 'anonymous'}`;
          if (res.status !== 400) failures.push(`${label}: ${res.status}`);
          else if (!route.path.startsWith('/api/') && !/text\/html/.test(res.headers['content-type'] ?? ''))
            failures.push(`${label}: 400 but not a page`);
        }
        const after = await fingerprint();
        for (const [table, hash] of before)
          if (after.get(table) !== hash) changed.push(`${routeName(route)} changed ${table}`);
      }
      console.log(`mass assignment over HTTP: ${bodyRoutes.length} routes, ${requests} requests`);
      expect(failures).toEqual([]);
      expect(changed).toEqual([]);
    }, 240_000);
  });
});
