import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work';
import { UsersRepository } from '../users/users.repository';
import { ConsentService } from './consent/consent.service';
import { ConsentsRepository } from './consent/consents.repository';

/**
 * The demo logins have accepted the current privacy notice, so trying hoctap out starts at its
 * pages. Accounts made afterwards (activation codes, new users) are asked at their first sign-in.
 */
@Injectable()
export class PrivacyDemoSeeder {
  constructor(
    private readonly consents: ConsentsRepository,
    private readonly consent: ConsentService,
    private readonly users: UsersRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  seed(): Promise<number> {
    return this.unitOfWork.run(async (manager) =>
      this.consents.recordMissing(
        await this.users.allIds(manager),
        this.consent.currentVersion,
        new Date(),
        manager,
      ),
    );
  }
}
