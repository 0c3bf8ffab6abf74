import { Injectable } from '@nestjs/common';
import { PlansService } from '../indicators/plans.service';
import { UsersRepository } from '../users/users.repository';
import { ReportsRepository } from './reports.repository';

/** The education department's reporting body, found by name within the demo plan. */
const DEMO_MEMBERS = [{ username: 'so.gddt', bodyName: 'Sở Giáo dục và Đào tạo' }];

/**
 * Demo members of reporting bodies: the demo login `so.gddt` becomes a member of the Sở Giáo dục
 * và Đào tạo body when the plan has one, so that it can fill in and submit that body's report.
 * Safe to run again; does nothing when the body or the login does not exist.
 */
@Injectable()
export class ReportsDemoSeeder {
  constructor(
    private readonly users: UsersRepository,
    private readonly plans: PlansService,
    private readonly reports: ReportsRepository,
  ) {}

  async seed(): Promise<void> {
    for (const { username, bodyName } of DEMO_MEMBERS) {
      const user = await this.users.findForLogin({ username });
      const bodies = await this.plans.bodiesNamed(bodyName);
      if (!user) continue;
      for (const body of bodies) await this.reports.addMember(body.id, user.id);
    }
  }
}
