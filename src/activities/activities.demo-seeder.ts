import { Workforce } from '../workers/workforce';
import { Injectable } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { foldVietnamese } from '../common/text/vietnamese';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainCode } from '../learning-records/learning-domains';
import { ExternalRecordsService } from '../learning-records/external-records.service';
import { LearningRecordsService } from '../learning-records/learning-records.service';
import { PartnershipsService } from '../learning-records/partnerships.service';
import { EnterprisesService } from '../organisations/enterprises.service';
import { InstitutionsService } from '../organisations/institutions.service';
import { UnionsService } from '../organisations/unions.service';
import { UsersRepository } from '../users/users.repository';
import { WorkersRepository } from '../workers/workers.repository';
import { AttendanceService } from './attendance.service';
import { AttendanceMethod } from './entities/session-attendance.entity';
import { SessionKind } from './session-kinds';
import { newCheckinToken } from './sessions.service';
import { SessionsRepository } from './sessions.repository';
import { parseVietnamDateTime, vietnamDateOf } from '../common/time/vietnam-time';

interface DemoSession {
  taxCode: string;
  kind: SessionKind;
  title: string;
  domains: DomainCode[];
  startsAt: string;
  endsAt: string;
  place: string;
  hours: number;
  attendees: number;
  description?: string;
}

const TAM_PHAT = '6400123455';
const DAK_MIL = '6400234564';
const DEMO_INSTITUTION = 'Trường Cao đẳng Cộng đồng Đắk Nông';
const DEMO_INSTITUTION_LOGIN = 'truong.caodang';

/** A few sessions of each kind over 2023–2025 at the demo enterprises (times in Vietnam time). */
const SESSIONS: DemoSession[] = [
  {
    taxCode: TAM_PHAT,
    kind: SessionKind.SkillsTraining,
    title: 'Tập huấn an toàn, vệ sinh lao động năm 2023',
    domains: [DomainCode.Vocational],
    startsAt: '2023-06-20T07:30',
    endsAt: '2023-06-20T11:30',
    place: 'Hội trường Công ty, Khu công nghiệp Tâm Thắng',
    hours: 4,
    attendees: 30,
  },
  {
    taxCode: TAM_PHAT,
    kind: SessionKind.LawTalk,
    title: 'Tuyên truyền Bộ luật Lao động năm 2019 và Luật Công đoàn năm 2024',
    domains: [DomainCode.Law],
    startsAt: '2024-11-15T08:00',
    endsAt: '2024-11-15T10:00',
    place: 'Hội trường Công ty, Khu công nghiệp Tâm Thắng',
    hours: 2,
    attendees: 40,
    description: 'Quyền và nghĩa vụ của người lao động, hợp đồng lao động, vai trò của tổ chức công đoàn.',
  },
  {
    taxCode: TAM_PHAT,
    kind: SessionKind.ReadingDay,
    title: 'Hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam 21/4/2025',
    domains: [DomainCode.LifeSkills],
    startsAt: '2025-04-21T14:00',
    endsAt: '2025-04-21T16:30',
    place: 'Thư viện Công đoàn cơ sở',
    hours: 2.5,
    attendees: 25,
  },
  {
    taxCode: TAM_PHAT,
    kind: SessionKind.ReadingClub,
    title: 'Câu lạc bộ đọc sách – sinh hoạt tháng 9/2025',
    domains: [DomainCode.LifeSkills],
    startsAt: '2025-09-12T17:00',
    endsAt: '2025-09-12T18:30',
    place: 'Thư viện Công đoàn cơ sở',
    hours: 1.5,
    attendees: 12,
  },
  {
    taxCode: DAK_MIL,
    kind: SessionKind.LifelongLearningWeek,
    title: 'Tuần lễ hưởng ứng học tập suốt đời 2023: kỹ năng số cho công nhân',
    domains: [DomainCode.LifeSkills, DomainCode.Digital],
    startsAt: '2023-10-02T08:00',
    endsAt: '2023-10-06T11:00',
    place: 'Nhà văn hóa Công ty',
    hours: 3,
    attendees: 20,
  },
  {
    taxCode: DAK_MIL,
    kind: SessionKind.SkillContest,
    title: 'Hội thi thợ giỏi chế biến cà phê năm 2024',
    domains: [DomainCode.Vocational],
    startsAt: '2024-08-10T07:30',
    endsAt: '2024-08-10T16:30',
    place: 'Xưởng chế biến số 1',
    hours: 8,
    attendees: 15,
  },
];

/**
 * Demo data of the activities domain, loaded after organisations, users and workers: sessions of
 * several kinds with attendance recorded through the attendance service (so each attendee has a
 * learning record), the demo institution in partnership with Tâm Phát, and one result it reported.
 */
@Injectable()
export class ActivitiesDemoSeeder {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly enterprises: EnterprisesService,
    private readonly unions: UnionsService,
    private readonly institutions: InstitutionsService,
    private readonly users: UsersRepository,
    private readonly workers: WorkersRepository,
    private readonly workforce: Workforce,
    private readonly attendance: AttendanceService,
    private readonly learningRecords: LearningRecordsService,
    private readonly partnerships: PartnershipsService,
    private readonly externalRecords: ExternalRecordsService,
    private readonly unitOfWork: UnitOfWork,
    private readonly pii: PiiCipher,
  ) {}

  async seed(): Promise<void> {
    const enterprises = await this.enterprises.idsByTaxCode([TAM_PHAT, DAK_MIL]);
    const learned = new Set<number>();
    for (const demo of SESSIONS) {
      const enterpriseId = enterprises.get(demo.taxCode);
      if (!enterpriseId) throw new Error(`Demo sessions need the demo enterprise ${demo.taxCode}`);
      const startsAt = parseVietnamDateTime(demo.startsAt)!;
      const [roster] = await this.workforce.page(
        enterpriseId,
        vietnamDateOf(startsAt),
        undefined,
        0,
        demo.attendees,
      );
      const union = await this.unions.findByEnterprise(enterpriseId);
      await this.unitOfWork.run(async (manager) => {
        const session = await this.sessions.insert(
          {
            enterpriseId,
            kind: demo.kind,
            title: demo.title,
            searchKey: foldVietnamese(demo.title),
            description: demo.description ?? null,
            startsAt,
            endsAt: parseVietnamDateTime(demo.endsAt)!,
            place: demo.place,
            organiser: union?.name ?? 'Công đoàn cơ sở',
            hours: demo.hours,
            checkinToken: newCheckinToken(),
            createdBy: null,
          },
          demo.domains,
          manager,
        );
        const workerIds = roster.map((r) => r.workerId);
        const added = await this.attendance.recordWithin(
          manager,
          session,
          workerIds,
          AttendanceMethod.Roster,
          null,
          new Date(startsAt.getTime() + 30 * 60_000),
        );
        added.forEach((id) => learned.add(id));
      });
    }
    await this.learningRecords.announce([...learned]);
    await this.seedPartnership(enterprises.get(TAM_PHAT)!);
  }

  /** The demo institution trains Tâm Phát's workers and has reported one vocational certificate. */
  private async seedPartnership(enterpriseId: number): Promise<void> {
    const institution = await this.institutions.findByName(DEMO_INSTITUTION);
    const editor = await this.users.findForLogin({ username: DEMO_INSTITUTION_LOGIN });
    if (!institution || !editor) throw new Error('Demo partnership needs the demo institution and its login');
    const institutionId = institution.id;
    await this.partnerships.link(institutionId, enterpriseId, '2024-01-01', null);
    const [[worker]] = await this.workforce.page(enterpriseId, '2025-06-30', undefined, 1, 1);
    if (!worker) return;
    const person = (await this.workers.findById(worker.workerId))!;
    const actor = new Actor(editor.id, editor.displayName, [
      { role: Role.InstitutionEditor, scopeType: ScopeType.Institution, scopeId: institutionId },
    ]);
    await this.externalRecords.submit(actor, {
      externalId: 'CDCD-2025-0001',
      cccd: this.pii.decrypt(person.cccdEncrypted),
      dateOfBirth: worker.dateOfBirth,
      title: 'Chứng chỉ sơ cấp nghề Vận hành máy chế biến nông sản',
      programme: 'Đào tạo nghề trình độ sơ cấp (3 tháng)',
      certificateNo: 'SC-2025-0142',
      completedOn: '2025-06-30',
      hours: 300,
      domains: [DomainCode.Vocational],
    });
  }
}
