import { Injectable } from '@nestjs/common';
import { Role } from '../../common/access/roles';
import { addDays } from '../../common/time/iso-date';
import { todayInVietnam } from '../../common/time/vietnam-time';
import { UnitOfWork } from '../../database/unit-of-work';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { UsersRepository } from '../../users/users.repository';
import { WorkersService } from '../../workers/workers.service';
import { Workforce } from '../../workers/workforce';
import { QuestionKind, SurveyStatus, TargetKind } from './entities/survey.entity';
import { AnswerRow } from './survey-answers';
import { SurveysRepository } from './surveys.repository';

const TAM_PHAT = '6400123455';
const DAK_MIL = '6400234564';

interface DemoQuestion {
  kind: QuestionKind;
  text: string;
  choices?: string[];
  low?: string;
  high?: string;
  optional?: boolean;
}

const QUESTIONS: DemoQuestion[] = [
  {
    kind: QuestionKind.Multiple,
    text: 'Anh/chị muốn học thêm về lĩnh vực nào?',
    choices: [
      'Pháp luật lao động, công đoàn',
      'Kỹ năng nghề, nâng bậc thợ',
      'Kỹ năng sống',
      'Tin học, công nghệ số',
      'Ngoại ngữ',
    ],
  },
  {
    kind: QuestionKind.Single,
    text: 'Hình thức học nào phù hợp nhất với anh/chị?',
    choices: ['Học trực tuyến trên điện thoại', 'Học tập trung tại doanh nghiệp', 'Kết hợp cả hai'],
  },
  {
    kind: QuestionKind.Scale,
    text: 'Mỗi tuần anh/chị dành được bao nhiêu thời gian để học?',
    low: 'Rất ít',
    high: 'Nhiều',
  },
  {
    kind: QuestionKind.Text,
    text: 'Anh/chị cần doanh nghiệp, công đoàn hỗ trợ gì để học tập?',
    optional: true,
  },
];

const WISHES = [
  'Bố trí giờ học sau ca làm việc',
  'Hỗ trợ tiền mua sách và dữ liệu di động',
  'Có phòng đọc sách tại khu nhà trọ',
];

/** The n-th demo respondent's answers: spread over the choices, the same on every run. */
function demoAnswers(questionIds: number[], n: number): AnswerRow[] {
  const [topics, form, time, wish] = questionIds;
  const rows: AnswerRow[] = [];
  for (const choice of [n % 5, (n * 3 + 1) % 5].filter((c, i, all) => all.indexOf(c) === i).sort())
    rows.push({ questionId: topics, choice, text: null });
  rows.push({ questionId: form, choice: n % 3 === 2 ? 1 : n % 2, text: null });
  rows.push({ questionId: time, choice: 1 + ((n * 7) % 5), text: null });
  if (n % 4 === 0) rows.push({ questionId: wish, choice: null, text: WISHES[(n / 4) % WISHES.length] });
  return rows;
}

/**
 * Two demo surveys by the federation: this year's, open now for Tâm Phát and Đắk Mil with a few
 * answers (the demo worker has not answered yet, so they can try it), and last year's, closed, in
 * last year's annual report.
 */
@Injectable()
export class SurveysDemoSeeder {
  constructor(
    private readonly surveys: SurveysRepository,
    private readonly enterprises: EnterprisesService,
    private readonly users: UsersRepository,
    private readonly workers: WorkersService,
    private readonly workforce: Workforce,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async seed(today = todayInVietnam()): Promise<void> {
    const federation = await this.users.findForLogin({ username: 'liendoan' });
    const demoWorkerUser = await this.users.findForLogin({ username: 'nguoilaodong' });
    if (!federation) return;
    const demoWorker = demoWorkerUser ? await this.workers.idOfUser(demoWorkerUser.id) : null;
    const ids = await this.enterprises.idsByTaxCode([TAM_PHAT, DAK_MIL]);
    const enterpriseIds = [ids.get(TAM_PHAT), ids.get(DAK_MIL)].filter(
      (id): id is number => id !== undefined,
    );
    if (enterpriseIds.length === 0) return;
    const year = Number(today.slice(0, 4));
    await this.survey(federation.id, enterpriseIds, {
      title: `Khảo sát nhu cầu học tập của người lao động năm ${year}`,
      opensOn: addDays(today, -7),
      closesOn: addDays(today, 45),
      day: today,
      perEnterprise: 6,
      exceptWorker: demoWorker ?? 0,
    });
    await this.survey(federation.id, enterpriseIds, {
      title: `Khảo sát nhu cầu học tập của người lao động năm ${year - 1}`,
      opensOn: `${year - 1}-03-01`,
      closesOn: `${year - 1}-03-31`,
      day: today,
      perEnterprise: 12,
      exceptWorker: demoWorker ?? 0,
    });
  }

  private async survey(
    createdBy: number,
    enterpriseIds: number[],
    s: {
      title: string;
      opensOn: string;
      closesOn: string;
      day: string;
      perEnterprise: number;
      exceptWorker: number;
    },
  ): Promise<void> {
    const survey = await this.surveys.insert({
      title: s.title,
      description:
        'Liên đoàn Lao động tỉnh khảo sát nhu cầu học tập để xây dựng kế hoạch học tập suốt đời cho người lao động.',
      opensOn: s.opensOn,
      closesOn: s.closesOn,
      status: SurveyStatus.Draft,
      ownerRole: Role.FederationAdmin,
      createdBy,
      publishedAt: null,
    });
    const questionIds: number[] = [];
    for (const q of QUESTIONS) {
      const saved = await this.surveys.addQuestion({
        surveyId: survey.id,
        kind: q.kind,
        text: q.text,
        options: q.choices ? JSON.stringify(q.choices) : null,
        lowLabel: q.low ?? null,
        highLabel: q.high ?? null,
        required: !q.optional,
      });
      questionIds.push(saved.id);
    }
    const targets: { enterpriseId: number; unitId: number; workerIds: number[] }[] = [];
    for (const enterpriseId of enterpriseIds) {
      const enterprise = await this.enterprises.findById(enterpriseId);
      if (!enterprise) continue;
      const respondents = await this.workforce.firstEmployed(
        enterpriseId,
        s.day,
        s.perEnterprise,
        s.exceptWorker,
      );
      targets.push({
        enterpriseId,
        unitId: enterprise.unitId,
        workerIds: respondents.map((r) => r.workerId),
      });
    }
    await this.surveys.replaceTargets(
      survey.id,
      enterpriseIds.map((targetId) => ({ kind: TargetKind.Enterprise, targetId })),
    );
    let n = 0;
    await this.unitOfWork.run(async (tx) => {
      const published = targets.map(({ enterpriseId, unitId }) => ({ enterpriseId, unitId }));
      await this.surveys.publish(tx, survey.id, published, new Date(`${s.opensOn}T01:00:00Z`));
      for (const target of targets) {
        for (const workerId of target.workerIds) {
          await this.surveys.insertResponse(
            tx,
            {
              surveyId: survey.id,
              enterpriseId: target.enterpriseId,
              unitId: target.unitId,
              workerId,
              codeId: null,
              submittedAt: new Date(`${s.opensOn}T03:00:00Z`),
            },
            demoAnswers(questionIds, n++),
          );
        }
      }
    });
  }
}
