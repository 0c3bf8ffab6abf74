import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../database/unit-of-work';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { UsersRepository } from '../../users/users.repository';
import { Workforce } from '../../workers/workforce';
import { CommendationsRepository } from './commendations.repository';
import { CommendationKind, CommendationStatus } from './entities/commendation.entity';
import { GoodModelStatus } from './entities/good-model.entity';

const TAM_PHAT = '6400123455';
const DAK_MIL = '6400234564';
/** The demo's commendations are of the last year the annual report covers. */
const YEAR = 2025;

/**
 * Demo commendations of 2025: two approved at Tâm Phát (a worker, a worker's child) and one
 * pending at Đắk Mil, and one published good model, so the honour roll, the nominations list and
 * the report's section show something on a fresh start.
 */
@Injectable()
export class CommendationsDemoSeeder {
  constructor(
    private readonly repo: CommendationsRepository,
    private readonly enterprises: EnterprisesService,
    private readonly workforce: Workforce,
    private readonly users: UsersRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async seed(): Promise<void> {
    const ids = await this.enterprises.idsByTaxCode([TAM_PHAT, DAK_MIL]);
    const tamPhat = ids.get(TAM_PHAT);
    const dakMil = ids.get(DAK_MIL);
    if (!tamPhat || !dakMil) return;
    const federation = (await this.users.findForLogin({ username: 'liendoan' }))?.id ?? 1;
    const officer = (await this.users.findForLogin({ username: 'congdoan.tamphat' }))?.id ?? 1;
    const otherOfficer = (await this.users.findForLogin({ username: 'congdoan.dakmil' }))?.id ?? 1;
    const [first, second] = await this.workforce.firstEmployed(tamPhat, `${YEAR}-12-01`, 2);
    const [third] = await this.workforce.firstEmployed(dakMil, `${YEAR}-12-01`, 1);
    if (!first || !second || !third) return;
    const decidedAt = new Date('2025-12-05T03:00:00Z');
    await this.unitOfWork.run(async (manager) => {
      const approved = { status: CommendationStatus.Approved, decidedBy: federation, decidedAt };
      await this.repo.insert(manager, {
        year: YEAR,
        kind: CommendationKind.Worker,
        enterpriseId: tamPhat,
        workerId: first.workerId,
        achievement:
          'Hoàn thành 6 khóa học trực tuyến về kỹ năng số và an toàn lao động; hướng dẫn tổ sản xuất học theo.',
        nominatedBy: officer,
        ...approved,
      });
      await this.repo.insert(manager, {
        year: YEAR,
        kind: CommendationKind.Child,
        enterpriseId: tamPhat,
        workerId: second.workerId,
        childName: 'Nguyễn Minh Khang',
        childBirthYear: 2012,
        childSchool: 'Trường THCS Nguyễn Du, Gia Nghĩa',
        achievement: 'Học sinh giỏi cấp tỉnh môn Toán năm học 2024–2025.',
        nominatedBy: officer,
        ...approved,
      });
      await this.repo.insert(manager, {
        year: YEAR,
        kind: CommendationKind.Worker,
        enterpriseId: dakMil,
        workerId: third.workerId,
        achievement: 'Đạt giải Nhì hội thi thợ giỏi ngành chế biến cà phê cấp tỉnh.',
        status: CommendationStatus.Pending,
        nominatedBy: otherOfficer,
      });
      await this.repo.saveModel(manager, {
        enterpriseId: tamPhat,
        title: 'Tủ sách công nhân ở từng tổ sản xuất',
        body:
          'Công đoàn cơ sở đặt một tủ sách nhỏ ở mỗi tổ sản xuất, với sách pháp luật lao động, kỹ năng sống và kỹ thuật chế biến.\n\n' +
          'Mỗi quý, công đoàn đổi sách giữa các tổ và tổ chức buổi giới thiệu sách vào giờ nghỉ trưa; người đọc nhiều được khen thưởng cuối năm.',
        status: GoodModelStatus.Published,
        publishedAt: new Date('2025-04-21T02:00:00Z'),
        createdBy: officer,
        imageFileId: null,
      });
    });
  }
}
