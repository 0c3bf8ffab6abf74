import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ScopeDirectory } from './scope-directory';
import { UsersAdminController } from './users-admin.controller';
import { UsersModule } from '../users/users.module';
import { UsersService } from './users.service';

/** The admin pages for accounts and roles (kept apart from UsersModule, which auth depends on). */
@Module({
  imports: [UsersModule, AuthModule, AuditModule, OrganisationsModule],
  controllers: [UsersAdminController],
  providers: [UsersService, ScopeDirectory],
})
export class UsersAdminModule {}
