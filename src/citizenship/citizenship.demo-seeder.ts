import { Injectable, Logger } from '@nestjs/common';
import { AttendanceService } from '../activities/attendance.service';
import { AttendanceMethod } from '../activities/entities/session-attendance.entity';
import { SessionKind } from '../activities/session-kinds';
import { SessionsService } from '../activities/sessions.service';
import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { readSeed } from '../common/seed-files';
import { DomainCode } from '../learning-records/learning-domains';
import { EnterprisesService } from '../organisations/enterprises.service';
import { UsersRepository } from '../users/users.repository';
import { WorkersService } from '../workers/workers.service';
import { Workforce } from '../workers/workforce';
import { CitizenshipApplicationsService } from './applications/citizenship-applications.service';
import { CriteriaSetsService } from './applications/criteria/criteria-sets.service';
import { PlanDto } from './applications/worker-year/dto/worker-year.dto';
import { WorkerYearService } from './applications/worker-year/worker-year.service';
import { EvidenceKind } from './entities/criteria-set.entity';
import {
  parseVietnamDateTime,
  todayInVietnam,
  toVietnamInput,
  vietnamDateOf,
} from '../common/time/vietnam-time';

const TAM_PHAT = '6400123455';
const DAK_MIL = '6400234564';
const TAM_PHAT_OFFICER = 'congdoan.tamphat';
const DAY = 86_400_000;

/** Plans the demo workers register with (goal and hours per domain), taken in turn. */
const PLANS: PlanDto[] = [
  {
    goalDIGITAL: 'Hoàn thành khóa Kỹ năng số cơ bản, tự làm được thủ tục dịch vụ công trực tuyến',
    hoursDIGITAL: 6,
    goalVOCATIONAL: 'Nâng bậc thợ vận hành máy chế biến nông sản',
    hoursVOCATIONAL: 20,
  },
  {
    goalLAW: 'Tìm hiểu Bộ luật Lao động 2019 và Luật Công đoàn 2024',
    hoursLAW: 4,
    goalLIFE_SKILLS: 'Tham gia đều câu lạc bộ đọc sách của công đoàn',
    hoursLIFE_SKILLS: 8,
  },
  {
    goalVOCATIONAL: 'Học an toàn, vệ sinh lao động trong nhà máy',
    hoursVOCATIONAL: 3,
    goalDIGITAL: 'Dùng bảng tính để theo dõi sản lượng của tổ',
    hoursDIGITAL: 10,
    goalLIFE_SKILLS: 'Học kỹ năng giao tiếp và quản lý tài chính cá nhân',
    hoursLIFE_SKILLS: 5,
  },
];

/** Self-assessments by criterion code of the default criteria (KHVN-324). */
const STATEMENTS: Record<string, string> = {
  '1.4': 'Tôi rủ con và hai đồng nghiệp cùng tổ đăng ký học khóa Kỹ năng số cơ bản trên hệ thống.',
  '2.2': 'Tôi đọc hiểu được hướng dẫn vận hành máy bằng tiếng Anh và tự học tiếng Anh 15 phút mỗi ngày.',
  '2.3': 'Tôi tự lập bảng tính theo dõi sản lượng của tổ, giúp giảm hao hụt nguyên liệu.',
  '2.4': 'Tôi góp ý cải tiến khâu đóng gói, được tổ trưởng ghi nhận và áp dụng.',
  '3.1': 'Tôi giữ quan hệ hòa nhã với đồng nghiệp và hàng xóm, tham gia hòa giải ở tổ dân phố.',
  '3.2': 'Tôi hướng dẫn hai công nhân mới vận hành dây chuyền trong tháng đầu làm việc.',
};

/**
 * Demo learning-citizen data, loaded last: a reading club held this year at Tâm Phát, a few demo
 * workers registered for this year with a learning plan and their self-assessments (some submitted,
 * some still being prepared), and the worker login's application of last year, submitted — each
 * through the same services a worker uses, then evaluated. The worker login is left to register for
 * this year themselves. Statuses stop at SUBMITTED: confirming and recognising belong to the review chain.
 */
@Injectable()
export class CitizenshipDemoSeeder {
  private readonly logger = new Logger(CitizenshipDemoSeeder.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly workers: WorkersService,
    private readonly workforce: Workforce,
    private readonly enterprises: EnterprisesService,
    private readonly years: WorkerYearService,
    private readonly applications: CitizenshipApplicationsService,
    private readonly criteria: CriteriaSetsService,
    private readonly sessions: SessionsService,
    private readonly attendance: AttendanceService,
  ) {}

  async seed(now = new Date()): Promise<void> {
    const active = await this.criteria.active();
    if (!active) return;
    const declared = (await this.criteria.get(active.id)).content.groups
      .flatMap((g) => g.criteria)
      .filter((c) => c.evidence === EvidenceKind.Declared && STATEMENTS[c.code])
      .map((c) => c.code);
    const today = todayInVietnam(now);
    const year = this.years.currentYear(today);
    const { login } = readSeed<{ login: { username: string } }>('demo/workers.json');
    const loginWorker = await this.workerOfLogin(login.username);
    const enterprises = await this.enterprises.idsByTaxCode([TAM_PHAT, DAK_MIL]);
    const tamPhat = await this.currentWorkers(enterprises.get(TAM_PHAT), today, 6, loginWorker);
    const dakMil = await this.currentWorkers(enterprises.get(DAK_MIL), today, 2, loginWorker);

    await this.readingClub(now, year, [...tamPhat.slice(0, 4), ...(loginWorker ? [loginWorker] : [])]);

    const people = [...tamPhat, ...dakMil];
    for (const [i, worker] of people.entries()) {
      const actor = workerActor(worker);
      await this.years.register(actor, year, PLANS[i % PLANS.length], today);
      // Most answer every self-declared criterion; every third leaves two for later.
      const answered = i % 3 === 2 ? declared.slice(0, -2) : declared;
      for (const code of answered) await this.years.saveAnswer(actor, year, code, STATEMENTS[code]);
      if (i % 4 !== 3) await this.years.submit(actor, year, now);
      await this.applications.evaluateWorker(worker.workerId);
    }

    if (loginWorker) {
      // Last year's application of the worker login, so their page lists a previous year.
      const last = year - 1;
      const actor = workerActor(loginWorker);
      if (!(await this.years.find(actor, last))) {
        await this.years.register(actor, last, PLANS[1], `${last}-03-15`);
        for (const code of declared) await this.years.saveAnswer(actor, last, code, STATEMENTS[code]);
        await this.years.submit(actor, last, new Date(`${last}-12-10T03:00:00Z`));
        await this.applications.evaluateWorker(loginWorker.workerId);
      }
    }
    this.logger.log(`demo learning citizens: ${people.length} registered for ${year}`);
  }

  /**
   * A reading club at Tâm Phát ten days ago (or on 2 January), recorded by its union officer with
   * attendance, so the "library, cultural house, club" criterion has evidence this year.
   */
  private async readingClub(now: Date, year: number, attendees: DemoWorker[]): Promise<void> {
    const officer = await this.users.findForLogin({ username: TAM_PHAT_OFFICER });
    const grant = officer && (await this.users.grants(officer.id)).find((g) => g.role === Role.UnionOfficer);
    if (!officer || !grant || attendees.length === 0) return;
    const tenDaysAgo = vietnamDateOf(new Date(now.getTime() - 10 * DAY));
    const day = tenDaysAgo < `${year}-01-02` ? `${year}-01-02` : tenDaysAgo;
    const startsAt = parseVietnamDateTime(`${day}T17:00`)!;
    const endsAt = new Date(startsAt.getTime() + 90 * 60_000);
    if (endsAt > now) return;
    const actor = new Actor(officer.id, TAM_PHAT_OFFICER, [
      { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: grant.scopeId },
    ]);
    const month = Number(day.slice(5, 7));
    const session = await this.sessions.create(actor, {
      title: `Câu lạc bộ đọc sách – sinh hoạt tháng ${month}/${year}`,
      kind: SessionKind.ReadingClub,
      domains: [DomainCode.LifeSkills],
      startsAt: toVietnamInput(startsAt),
      endsAt: toVietnamInput(endsAt),
      place: 'Thư viện Công đoàn cơ sở',
      organiser: 'Công đoàn cơ sở Công ty TNHH Chế biến Nông sản Tâm Phát',
      hours: 2,
      description: 'Giới thiệu sách hay về kỹ năng số và chia sẻ kinh nghiệm tự học.',
    });
    await this.attendance.add(
      actor,
      session.id,
      attendees.map((w) => w.workerId),
      AttendanceMethod.Roster,
      now,
    );
  }

  private async workerOfLogin(username: string): Promise<DemoWorker | null> {
    const user = await this.users.findForLogin({ username });
    const workerId = user ? await this.workers.idOfUser(user.id) : null;
    return user && workerId ? { workerId, userId: user.id } : null;
  }

  /** The first workers (by id) employed at an enterprise today, the worker login excepted. */
  private async currentWorkers(
    enterpriseId: number | undefined,
    today: string,
    count: number,
    except: DemoWorker | null,
  ): Promise<DemoWorker[]> {
    if (!enterpriseId) return [];
    return this.workforce.firstEmployed(enterpriseId, today, count, except?.workerId);
  }
}

interface DemoWorker {
  workerId: number;
  userId: number | null;
}

/** The demo worker as a signed-in worker would be. */
function workerActor(worker: DemoWorker): Actor {
  return new Actor(
    worker.userId ?? 0,
    'demo',
    [{ role: Role.Worker, scopeType: ScopeType.Self, scopeId: worker.workerId }],
    worker.workerId,
  );
}
