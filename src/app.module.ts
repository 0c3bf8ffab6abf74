import { DynamicModule, MiddlewareConsumer, Module, NestModule, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ScopeRefusalInterceptor } from './common/access/scope-refusal.interceptor';
import { CommonModule } from './common/common.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { formErrorFromValidation } from './common/errors/form-error';
import { CsrfMiddleware } from './common/http/csrf.middleware';
import { InputNormaliserMiddleware } from './common/http/input-normaliser.middleware';
import { MultipartCsrfGuard } from './common/http/multipart-csrf.guard';
import { RouteParamsInterceptor } from './common/http/route-params.interceptor';
import { RedisModule } from './common/redis/redis.module';
import { ViewLocalsMiddleware } from './common/views/view-locals.middleware';
import {
  AppConfig,
  appConfig,
  DatabaseConfig,
  databaseConfig,
  privateDir,
  UploadsConfig,
  uploadsConfig,
} from './config';
import { AppConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source';
import { RoutedDataSource } from './database/read-routing';
import { SeedModule } from './seed/seed.module';
import { HealthModule } from './health/health.module';
import { HistoryModule } from './history/history.module';
import { HomeModule } from './home/home.module';
import { ImportsModule } from './imports/imports.module';
import { JobsModule, ProcessRole } from './jobs/jobs.module';
import './messages';
import { ActivitiesModule } from './activities/activities.module';
import { AssignmentsModule } from './assignments/assignments.module';
import { CatalogModule } from './catalog/catalog.module';
import { CitizenshipModule } from './citizenship/citizenship.module';
import { EngagementModule } from './engagement/engagement.module';
import { NoticesModule } from './notices/notices.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { ReportsModule } from './reports/reports.module';
import { FilesModule } from './files/files.module';
import { LearningModule } from './learning/learning.module';
import { MaterialsModule } from './materials/materials.module';
import { LearningRecordsModule } from './learning-records/learning-records.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { PrivacyModule } from './privacy/privacy.module';
import { UsersAdminModule } from './accounts/users-admin.module';
import { UsersModule } from './users/users.module';
import { WorkersModule } from './workers/workers.module';

/** Every domain, for both entry points: the web process (main.ts) and the job process (worker.ts). */
@Module({})
export class AppModule implements NestModule {
  static forRoot(role: ProcessRole): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule,
        LoggerModule.forRootAsync({
          inject: [appConfig.KEY],
          useFactory: (app: AppConfig) => ({
            pinoHttp: {
              level: app.logLevel,
              transport:
                app.env === 'development'
                  ? // Written synchronously, so that main.ts's last line comes after them.
                    { target: 'pino-pretty', options: { singleLine: true, sync: true } }
                  : undefined,
              autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/public/') },
              // Paths only: query strings may carry names typed into search boxes.
              serializers: {
                req: (req: { method: string; url: string; id: unknown }) => ({
                  id: req.id,
                  method: req.method,
                  path: (req.url ?? '').split('?')[0],
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
              redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body'],
            },
          }),
        }),
        TypeOrmModule.forRootAsync({
          inject: [databaseConfig.KEY, appConfig.KEY, uploadsConfig.KEY],
          useFactory: (db: DatabaseConfig, app: AppConfig, uploads: UploadsConfig) => {
            // The data and upload directories are owner-only before anything is written there.
            privateDir(app.dataDir);
            privateDir(uploads.dir);
            return {
              ...dataSourceOptions(db),
              autoLoadEntities: true,
              migrationsRun: db.migrateOnStart,
            };
          },
          // Reads go to a replica only where read-routing.ts allows it.
          dataSourceFactory: (options) => new RoutedDataSource(options!).initialize(),
        }),
        CommonModule,
        RedisModule,
        JobsModule.forRoot(role),
        AuditModule,
        UsersModule,
        UsersAdminModule,
        AuthModule,
        OrganisationsModule,
        WorkersModule,
        LearningRecordsModule,
        FilesModule,
        ImportsModule,
        CatalogModule,
        MaterialsModule,
        LearningModule,
        ActivitiesModule,
        AssignmentsModule,
        EngagementModule,
        NoticesModule,
        CitizenshipModule,
        IndicatorsModule,
        ReportsModule,
        HistoryModule,
        PrivacyModule,
        HealthModule,
        HomeModule,
        SeedModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_GUARD, useClass: MultipartCsrfGuard },
        { provide: APP_INTERCEPTOR, useClass: ScopeRefusalInterceptor },
        { provide: APP_INTERCEPTOR, useClass: RouteParamsInterceptor },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            whitelist: true,
            forbidNonWhitelisted: true,
            transform: true,
            exceptionFactory: (errors) => formErrorFromValidation(errors),
          }),
        },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(InputNormaliserMiddleware, CsrfMiddleware, ViewLocalsMiddleware).forRoutes('{*path}');
  }
}
