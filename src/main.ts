import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { appConfig, AppConfig } from './config';
import { exitOnStartupError } from './startup';

/** The web process: pages, /api/v1, /health. Runs jobs itself only in the embedded default. */
async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot('web'), {
    bufferLogs: true,
    bodyParser: false,
    // Let a start-up error (e.g. a bad setting) reach exitOnStartupError instead of Nest's own exit.
    abortOnError: false,
  });
  configureApp(app);
  app.enableShutdownHooks();
  const config = app.get<AppConfig>(appConfig.KEY);
  await app.listen(config.port, config.host);
  new Logger('hoctap').log(`listening on ${config.publicUrl}`);
}

bootstrap().catch(exitOnStartupError);
