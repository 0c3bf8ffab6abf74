import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appConfig, AppConfig } from '../config';
import { DemoSeeder } from './demo.seeder';
import { ReferenceSeeder } from './reference.seeder';

/**
 * Loads seeds/: reference data always, demo data (organisations, 200 workers, one login per role)
 * only into an empty database. The embedded default does both at start-up; production runs
 * `npm run seed` (reference only unless --demo).
 */
@Injectable()
export class SeedRunner implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedRunner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
    private readonly reference: ReferenceSeeder,
    private readonly demo: DemoSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemoOnStart) await this.run({ demo: true });
  }

  async run(options: { demo: boolean }): Promise<void> {
    await this.dataSource.transaction((manager) => this.reference.seed(manager));
    if (options.demo && !(await this.demo.alreadySeeded())) {
      await this.demo.seed();
      this.logger.log('demo data loaded');
    }
  }
}
