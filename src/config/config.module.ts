import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { appConfig } from './app.config';
import { databaseConfig } from './database.config';
import { redisConfig } from './redis.config';
import { securityConfig } from './security.config';
import { uploadsConfig } from './uploads.config';

export const allConfigs = [appConfig, databaseConfig, redisConfig, securityConfig, uploadsConfig];

/** Loads and validates every configuration area once; a bad value stops start-up naming its variable. */
@Global()
@Module({
  imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: allConfigs, cache: true })],
})
export class AppConfigModule {}
