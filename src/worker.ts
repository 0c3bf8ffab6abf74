import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { exitOnStartupError } from './startup';

/**
 * The job process: the same modules as the web process, no HTTP. Bull hands it jobs from Redis;
 * on SIGTERM it finishes the jobs in hand before exiting. Run as many as the load needs.
 */
async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot('worker'), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(PinoLogger));
  app.enableShutdownHooks();
  new Logger('hoctap').log('worker started');
}

bootstrap().catch(exitOnStartupError);
