import { Global, Module } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work';
import { PiiCipher } from './crypto/pii-cipher';

/** Building blocks every domain may inject. */
@Global()
@Module({
  providers: [PiiCipher, UnitOfWork],
  exports: [PiiCipher, UnitOfWork],
})
export class CommonModule {}
