import { Module } from '@nestjs/common';
import { UsersPersonalData } from './users.personal-data';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { MeApiController } from './me.api.controller';
import { RoleAssignment } from './entities/role-assignment.entity';
import { User } from './entities/user.entity';
import { UsersRepository } from './users.repository';

@Module({
  imports: [TypeOrmModule.forFeature([User, RoleAssignment])],
  controllers: [AccountController, MeApiController],
  providers: [UsersPersonalData, UsersRepository, AccountService],
  exports: [UsersRepository],
})
export class UsersModule {}
