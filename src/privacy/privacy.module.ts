import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { WorkersModule } from '../workers/workers.module';
import { PrivacyPersonalData } from './privacy.personal-data';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PiiAccessModule } from '../pii-access/pii-access.module';
import { ConsentInterceptor } from './consent/consent.interceptor';
import { ConsentRequiredFilter } from './consent/consent-required.filter';
import { ConsentService, PRIVACY_NOTICE } from './consent/consent.service';
import { ConsentsRepository } from './consent/consents.repository';
import { PrivacyConsent } from './entities/privacy-consent.entity';
import { PrivacyRequest } from './entities/privacy-request.entity';
import { PersonalDataRepository } from './personal-data/personal-data.repository';
import { PersonalDataService } from './personal-data/personal-data.service';
import { PrivacyAdminController } from './privacy-admin.controller';
import { PrivacyAdminService } from './privacy-admin.service';
import { PrivacyController } from './privacy.controller';
import { PrivacyApiController } from './privacy.api.controller';
import { PrivacyDemoSeeder } from './privacy.demo-seeder';
import { loadNotice } from './privacy-notice';
import { PrivacyRequestsRepository } from './requests/privacy-requests.repository';
import { PrivacyRequestsService } from './requests/privacy-requests.service';

/**
 * Personal data (Law 91/2025/QH15): consent to the privacy notice before anything else, the
 * self-service export, deletion and correction requests, the CCCD access log and the deletion of
 * uploaded import files. See docs/security.md, "Personal data".
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([PrivacyConsent, PrivacyRequest]),
    PiiAccessModule,
    UsersModule,
    WorkersModule,
  ],
  controllers: [PrivacyAdminController, PrivacyController, PrivacyApiController],
  providers: [
    PrivacyPersonalData,
    { provide: PRIVACY_NOTICE, useFactory: loadNotice },
    ConsentsRepository,
    ConsentService,
    PersonalDataRepository,
    PersonalDataService,
    PrivacyRequestsRepository,
    PrivacyRequestsService,
    PrivacyAdminService,
    PrivacyDemoSeeder,
    { provide: APP_INTERCEPTOR, useClass: ConsentInterceptor },
    { provide: APP_FILTER, useClass: ConsentRequiredFilter },
  ],
  exports: [ConsentService, PrivacyDemoSeeder],
})
export class PrivacyModule {}
