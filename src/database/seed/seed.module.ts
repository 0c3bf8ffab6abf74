import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { UsersModule } from '../../users/users.module';
import { DemoSeeder } from './demo.seeder';
import { ReferenceSeeder } from './reference.seeder';
import { SeedRunner } from './seed.runner';

@Module({
  imports: [UsersModule, AuthModule],
  providers: [SeedRunner, ReferenceSeeder, DemoSeeder],
  exports: [SeedRunner],
})
export class SeedModule {}
