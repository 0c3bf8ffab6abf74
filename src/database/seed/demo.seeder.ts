import { Injectable } from '@nestjs/common';
import { PasswordHasher } from '../../auth/password-hasher';
import { Role, ScopeType } from '../../common/access/roles';
import { UnitOfWork } from '../unit-of-work';
import { UserStatus } from '../../users/entities/user.entity';
import { UsersRepository } from '../../users/users.repository';
import { readSeed } from './seed-files';

interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  scope: { type: ScopeType };
}

/** Demo organisations, workers and one login per role (seeds/demo/), for trying hoctap out. */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async alreadySeeded(): Promise<boolean> {
    return this.users.usernameTaken('admin');
  }

  async seed(): Promise<void> {
    const { password, users } = readSeed<{ password: string; users: DemoUser[] }>('demo/users.json');
    const passwordHash = await this.hasher.hash(password);
    await this.unitOfWork.run(async (manager) => {
      for (const demo of users) {
        const user = await this.users.create(
          { username: demo.username, displayName: demo.displayName, email: null, status: UserStatus.Active },
          manager,
        );
        await this.users.update(user.id, { passwordHash }, manager);
        await this.users.assign(user.id, demo.role, demo.scope.type, 0, manager);
      }
    });
  }
}
