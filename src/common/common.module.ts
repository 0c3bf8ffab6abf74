import { Global, Module } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work';
import { PiiCipher } from './crypto/pii-cipher';
import { PersonalDataProviders } from './personal-data/personal-data-providers';

/** Building blocks every domain may inject. */
@Global()
@Module({
  providers: [PiiCipher, UnitOfWork, PersonalDataProviders],
  exports: [PiiCipher, UnitOfWork, PersonalDataProviders],
})
export class CommonModule {}
