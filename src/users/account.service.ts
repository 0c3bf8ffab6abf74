import { Injectable } from '@nestjs/common';
import { User } from './entities/user.entity';
import { UsersRepository } from './users.repository';

/** A signed-in person's own account, for their account page. */
@Injectable()
export class AccountService {
  constructor(private readonly users: UsersRepository) {}

  own(userId: number): Promise<User | null> {
    return this.users.findById(userId);
  }
}
