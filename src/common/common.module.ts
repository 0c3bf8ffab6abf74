import { Global, Module } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work';
import { PiiCipher } from './crypto/pii-cipher';
import { FiguresChanged } from './events/figures-changed';
import { PersonalDataProviders } from './personal-data/personal-data-providers';

/** Building blocks every domain may inject. */
@Global()
@Module({
  providers: [PiiCipher, UnitOfWork, PersonalDataProviders, FiguresChanged],
  exports: [PiiCipher, UnitOfWork, PersonalDataProviders, FiguresChanged],
})
export class CommonModule {}
