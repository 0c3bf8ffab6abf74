import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { Role, ScopeType } from '../common/access/roles';
import { ActivitiesDemoSeeder } from '../activities/activities.demo-seeder';
import { CatalogDemoSeeder } from '../catalog/catalog.demo-seeder';
import { CitizenshipDemoSeeder } from '../citizenship/citizenship.demo-seeder';
import { LearningDemoSeeder } from '../learning/learning.demo-seeder';
import { MaterialsDemoSeeder } from '../materials/materials.demo-seeder';
import { OrganisationsDemoSeeder } from '../organisations/organisations.demo-seeder';
import { PrivacyDemoSeeder } from '../privacy/privacy.demo-seeder';
import { ReportsDemoSeeder } from '../reports/reports.demo-seeder';
import { SurveysDemoSeeder } from '../engagement/surveys/surveys.demo-seeder';
import { CampaignsDemoSeeder } from '../engagement/campaigns/campaigns.demo-seeder';
import { CommendationsDemoSeeder } from '../engagement/commendations/commendations.demo-seeder';
import { SupportDemoSeeder } from '../engagement/support/support.demo-seeder';
import { UserStatus } from '../users/entities/user.entity';
import { UsersRepository } from '../users/users.repository';
import { WorkersDemoSeeder } from '../workers/workers.demo-seeder';
import { ContestsDemoSeeder } from '../engagement/contests/contests.demo-seeder';
import { UnitOfWork } from '../database/unit-of-work';
import { readSeed } from '../common/seed-files';

interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  scope: { type: ScopeType; taxCode?: string; name?: string };
}

/**
 * Demo data (seeds/demo/) for trying hoctap out: organisations, one login per role, then 200
 * workers with a worker login. Loaded only into a database that has no users yet.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly unitOfWork: UnitOfWork,
    private readonly organisations: OrganisationsDemoSeeder,
    private readonly workers: WorkersDemoSeeder,
    private readonly catalog: CatalogDemoSeeder,
    private readonly materials: MaterialsDemoSeeder,
    private readonly learning: LearningDemoSeeder,
    private readonly activities: ActivitiesDemoSeeder,
    private readonly citizenship: CitizenshipDemoSeeder,
    private readonly reports: ReportsDemoSeeder,
    private readonly privacy: PrivacyDemoSeeder,
    private readonly surveys: SurveysDemoSeeder,
    private readonly campaigns: CampaignsDemoSeeder,
    private readonly commendations: CommendationsDemoSeeder,
    private readonly support: SupportDemoSeeder,
    private readonly contests: ContestsDemoSeeder,
  ) {}

  /** The federation's demo login, the organiser of the demo's province-wide contests. */
  private async adminId(): Promise<number> {
    return (await this.users.findForLogin({ username: 'liendoan' }))!.id;
  }

  async alreadySeeded(): Promise<boolean> {
    return this.users.usernameTaken('admin');
  }

  async seed(): Promise<void> {
    const { password, users } = readSeed<{ password: string; users: DemoUser[] }>('demo/users.json');
    const passwordHash = await this.hasher.hash(password);
    await this.unitOfWork.run(async (manager) => {
      await this.organisations.seed(manager);
      for (const demo of users) {
        const user = await this.users.create(
          { username: demo.username, displayName: demo.displayName, email: null, status: UserStatus.Active },
          manager,
        );
        await this.users.update(user.id, { passwordHash }, manager);
        await this.users.assign(
          user.id,
          demo.role,
          demo.scope.type,
          await scopeId(manager, demo.scope),
          manager,
        );
      }
    });
    await this.workers.seed(passwordHash);
    await this.catalog.seed();
    await this.materials.seed();
    await this.learning.seed();
    await this.activities.seed();
    await this.citizenship.seed();
    await this.campaigns.seed();
    await this.reports.seed();
    await this.surveys.seed();
    await this.commendations.seed();
    await this.support.seed();
    await this.contests.seed(await this.adminId());
    // Last: every demo login made above has accepted the privacy notice.
    await this.privacy.seed();
  }
}

/** Finds the organisation a demo login is scoped to by its natural key. */
async function scopeId(manager: EntityManager, scope: DemoUser['scope']): Promise<number> {
  const lookup: Partial<Record<ScopeType, [string, string, string | undefined]>> = {
    [ScopeType.Enterprise]: ['enterprises', 'tax_code', scope.taxCode],
    [ScopeType.Institution]: ['training_institutions', 'name', scope.name],
    [ScopeType.Branch]: ['association_branches', 'name', scope.name],
  };
  const target = lookup[scope.type];
  if (!target) return 0;
  const [table, column, value] = target;
  const row = await manager
    .createQueryBuilder()
    .select('id')
    .from(table, 't')
    .where(`${column} = :value`, { value })
    .getRawOne<{ id: number }>();
  if (!row) throw new Error(`Demo login scope not found: ${table}.${column} = ${value}`);
  return Number(row.id);
}
