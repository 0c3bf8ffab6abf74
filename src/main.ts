import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { PinoLogger } from 'nestjs-pino';
import { symbols } from 'pino';
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
  // Last, below Nest's route table and whatever LOG_LEVEL lets through: the address to open.
  printAfterLogs(await app.resolve(PinoLogger), `hoctap is ready: ${config.publicUrl}`);
}

/**
 * Writes a plain line into the stream of the start-up log (stdout), so that it comes out after
 * every log line written before it: pino writes asynchronously, and a console.log could overtake them.
 */
function printAfterLogs(startupLog: PinoLogger, line: string): void {
  const logger = startupLog.logger as unknown as Record<symbol, NodeJS.WritableStream>;
  logger[symbols.streamSym].write(`${line}\n`);
}

bootstrap().catch(exitOnStartupError);
