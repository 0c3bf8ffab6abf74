import { Global, Module } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work';
import { PiiCipher } from './crypto/pii-cipher';
import { FiguresChanged } from './events/figures-changed';
import { PersonalDataProviders } from './personal-data/personal-data-providers';
import { ReportSections } from './report-sections/report-sections';

/** Building blocks every domain may inject. */
@Global()
@Module({
  providers: [PiiCipher, UnitOfWork, PersonalDataProviders, ReportSections, FiguresChanged],
  exports: [PiiCipher, UnitOfWork, PersonalDataProviders, ReportSections, FiguresChanged],
})
export class CommonModule {}
