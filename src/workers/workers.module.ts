import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { WorkersDemoSeeder } from './workers.demo-seeder';

@Module({
  imports: [OrganisationsModule],
  controllers: [],
  providers: [WorkersDemoSeeder],
  exports: [WorkersDemoSeeder],
})
export class WorkersModule {}
