import { Module } from '@nestjs/common';
import { ImportsModule } from '../../imports/imports.module';
import { OrganisationsModule } from '../../organisations/organisations.module';
import { WorkersModule } from '../../workers/workers.module';
import { CitizenshipDataModule } from '../citizenship-data.module';
import { HistoryTitlesRepository } from './history-titles.repository';
import { TitlesHistoryImport } from './titles-history.import';

/** Learning-citizen titles of past years, brought in from the association's lists (history import). */
@Module({
  imports: [CitizenshipDataModule, ImportsModule, OrganisationsModule, WorkersModule],
  providers: [HistoryTitlesRepository, TitlesHistoryImport],
})
export class CitizenshipHistoryModule {}
