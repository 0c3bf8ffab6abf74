import { Injectable } from '@nestjs/common';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { UsersRepository } from '../../users/users.repository';
import { SupportRepository } from './support.repository';

/** Demo declarations of 2025 by the two demo enterprises, for the totals page and the report's section. */
@Injectable()
export class SupportDemoSeeder {
  constructor(
    private readonly support: SupportRepository,
    private readonly enterprises: EnterprisesService,
    private readonly users: UsersRepository,
  ) {}

  async seed(): Promise<void> {
    const ids = await this.enterprises.idsByTaxCode(['6400123455', '6400234564']);
    const officer = (await this.users.findForLogin({ username: 'congdoan.tamphat' }))?.id ?? 1;
    const tamPhat = ids.get('6400123455');
    const dakMil = ids.get('6400234564');
    if (tamPhat)
      await this.support.upsert(
        tamPhat,
        2025,
        {
          fundsCommitted: 180_000_000,
          fundsSpent: 152_500_000,
          paidStudyHours: 960,
          agreementHasLearning: true,
          agreementClause:
            'Điều 15. Doanh nghiệp hỗ trợ 100% học phí các khóa đào tạo nâng cao tay nghề và cho người lao động nghỉ học có hưởng lương tối đa 40 giờ mỗi năm.',
          materialsSupplied: 350,
        },
        officer,
      );
    if (dakMil)
      await this.support.upsert(
        dakMil,
        2025,
        {
          fundsCommitted: 60_000_000,
          fundsSpent: 41_000_000,
          paidStudyHours: 240,
          agreementHasLearning: false,
          agreementClause: null,
          materialsSupplied: 120,
        },
        officer,
      );
  }
}
