import { Module } from '@nestjs/common';
import { AuthPersonalData } from './auth.personal-data';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { AccessGuard } from './access.guard';
import { ApiTokensController } from './api-tokens.controller';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiTokensService } from './api-tokens.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { ApiToken } from './entities/api-token.entity';
import { LoginFailure } from './entities/login-failure.entity';
import { Session } from './entities/session.entity';
import { LocalStrategy } from './local.strategy';
import { LoginFailuresRepository } from './login-failures.repository';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { SessionSerializer } from './session.serializer';
import { SESSION_STORE, sessionStoreProvider } from './session-store.provider';

@Module({
  imports: [
    PassportModule.register({ session: true }),
    TypeOrmModule.forFeature([ApiToken, LoginFailure, Session]),
    UsersModule,
  ],
  controllers: [AuthController, ApiTokensController],
  providers: [
    AuthPersonalData,
    AuthService,
    PasswordHasher,
    LoginFailuresRepository,
    LoginThrottleService,
    LocalStrategy,
    SessionSerializer,
    ApiTokensRepository,
    ApiTokensService,
    sessionStoreProvider,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService, PasswordHasher, SESSION_STORE],
})
export class AuthModule {}
