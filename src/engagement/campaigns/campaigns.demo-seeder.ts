import { Injectable } from '@nestjs/common';
import { CatalogService } from '../../catalog/catalog.service';
import { Actor } from '../../common/access/actor';
import { Role, ScopeType } from '../../common/access/roles';
import { thisYearInVietnam, todayInVietnam } from '../../common/time/vietnam-time';
import { UnitOfWork } from '../../database/unit-of-work';
import { MaterialsService } from '../../materials/materials.service';
import { AdminUnitsService } from '../../organisations/admin-units.service';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { UsersRepository } from '../../users/users.repository';
import { WorkersService } from '../../workers/workers.service';
import { Workforce } from '../../workers/workforce';
import { BookLogsRepository } from './book-logs.repository';
import { BookLogsService } from './book-logs.service';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignItemKind } from './entities/campaign-item.entity';

const TAM_PHAT = '6400123455';
const OFFICER_LOGIN = 'congdoan.tamphat';
const WORKER_LOGIN = 'nguoilaodong';
const FEDERATION_LOGIN = 'liendoan';

const BOOKS = [
  {
    title: 'Đắc nhân tâm',
    author: 'Dale Carnegie',
    reflection: 'Học được cách lắng nghe và khen ngợi chân thành đồng nghiệp.',
  },
  {
    title: 'Nhà giả kim',
    author: 'Paulo Coelho',
    reflection: 'Kiên trì theo đuổi ước mơ, học từ những việc nhỏ hằng ngày.',
  },
  {
    title: 'Tuổi trẻ đáng giá bao nhiêu',
    author: 'Rosie Nguyễn',
    reflection: 'Muốn dành thời gian tự học tiếng Anh mỗi tối.',
  },
  { title: 'Sống đẹp', author: 'Nhiều tác giả', reflection: 'Truyện ngắn.' },
];

/**
 * Two demo campaigns of the province — Vietnam Book and Reading Culture Day (21/4, a reading
 * campaign) and Lifelong Learning Week (1–7/10) — and books Tâm Phát's workers logged around 21/4:
 * two confirmed by their officer, one rejected, and the demo worker's own still waiting.
 */
@Injectable()
export class CampaignsDemoSeeder {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly bookLogs: BookLogsRepository,
    private readonly bookLogsService: BookLogsService,
    private readonly units: AdminUnitsService,
    private readonly enterprises: EnterprisesService,
    private readonly catalog: CatalogService,
    private readonly materials: MaterialsService,
    private readonly users: UsersRepository,
    private readonly workers: WorkersService,
    private readonly workforce: Workforce,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async seed(today = todayInVietnam()): Promise<void> {
    const province = (await this.units.unitsInForceOn(today)).find((u) => u.parentId === null);
    const federation = await this.users.findForLogin({ username: FEDERATION_LOGIN });
    if (!province || !federation)
      throw new Error('Demo campaigns need the province and the federation login');
    // Reading Day of this year once it has passed, else last year's, so no book is read in the future.
    const thisYear = thisYearInVietnam();
    const readingYear = today >= `${thisYear}-04-30` ? thisYear : thisYear - 1;
    const [courses, materials] = await Promise.all([
      this.catalog.searchPublished({ size: 2 }),
      this.materials.publicPage({ size: 2 }),
    ]);
    const reading = await this.unitOfWork.run((manager) =>
      this.campaigns.insert(manager, {
        campaign: {
          title: `Hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam năm ${readingYear}`,
          theme:
            'Mỗi người lao động đọc ít nhất một cuốn sách trong tháng Tư và ghi lại cảm nhận ngắn trên hoctap; công đoàn cơ sở xác nhận để tính vào kết quả học tập kỹ năng sống.',
          startsOn: `${readingYear}-04-01`,
          endsOn: `${readingYear}-04-30`,
          reading: true,
          createdBy: federation.id,
        },
        unitIds: [province.id],
        items: materials.items
          .slice(0, 1)
          .map((m) => ({ kind: CampaignItemKind.Material, itemId: m.id, title: m.title })),
      }),
    );
    await this.unitOfWork.run((manager) =>
      this.campaigns.insert(manager, {
        campaign: {
          title: `Tuần lễ hưởng ứng học tập suốt đời năm ${thisYear}`,
          theme:
            'Học ít nhất một khóa học trực tuyến trong tuần lễ, tìm đọc học liệu mở và tham gia các buổi sinh hoạt học tập tại doanh nghiệp.',
          startsOn: `${thisYear}-10-01`,
          endsOn: `${thisYear}-10-07`,
          reading: false,
          createdBy: federation.id,
        },
        unitIds: [province.id],
        items: [
          ...courses.items.map((c) => ({ kind: CampaignItemKind.Course, itemId: c.id, title: c.title })),
          ...materials.items.map((m) => ({ kind: CampaignItemKind.Material, itemId: m.id, title: m.title })),
        ],
      }),
    );
    await this.seedBooks(reading.id, `${readingYear}-04-21`);
  }

  private async seedBooks(campaignId: number, readOn: string): Promise<void> {
    const enterpriseId = (await this.enterprises.idsByTaxCode([TAM_PHAT])).get(TAM_PHAT);
    const officer = await this.users.findForLogin({ username: OFFICER_LOGIN });
    const workerLogin = await this.users.findForLogin({ username: WORKER_LOGIN });
    if (!enterpriseId || !officer) throw new Error('Demo book logs need Tâm Phát and its officer login');
    const demoWorker = workerLogin ? await this.workers.idOfUser(workerLogin.id) : null;
    const others = await this.workforce.firstEmployed(enterpriseId, readOn, 3, demoWorker ?? 0);
    const actor = new Actor(officer.id, officer.displayName, [
      { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: enterpriseId },
    ]);
    const logOf = (workerId: number, book: (typeof BOOKS)[number]) =>
      this.bookLogs.insert({ workerId, enterpriseId, campaignId, readOn, ...book });
    const decided = new Date(`${readOn}T09:00:00+07:00`);
    for (const [i, w] of others.entries()) {
      const log = await logOf(w.workerId, BOOKS[i]);
      if (i < 2) await this.bookLogsService.confirm(actor, log.id, { hours: 2 }, decided);
      else
        await this.bookLogsService.reject(
          actor,
          log.id,
          { reason: 'Cảm nhận quá ngắn, đề nghị viết rõ điều học được từ cuốn sách.' },
          decided,
        );
    }
    if (demoWorker) await logOf(demoWorker, BOOKS[3 % BOOKS.length]);
  }
}
