import { Module } from '@nestjs/common';
import { LearningRecordsModule } from '../../learning-records/learning-records.module';
import { NoticesModule } from '../../notices/notices.module';
import { OrganisationsModule } from '../../organisations/organisations.module';
import { UsersModule } from '../../users/users.module';
import { WorkersModule } from '../../workers/workers.module';
import { CitizenshipApplicationsModule } from '../applications/applications.module';
import { CitizenshipDataModule } from '../citizenship-data.module';
import { ApplicationReviewService } from './application-review.service';
import { AssociationReviewService } from './association-review.service';
import { CitizenCertificatesService } from './citizen-certificates.service';
import { CitizenVerifyApiController, CitizenVerifyController } from './citizen-verify.controller';
import { FunnelService } from './funnel.service';
import { OfficerReviewService } from './officer-review.service';
import { ReviewAccess } from './review-access.service';
import { ReviewJournal } from './review-journal';
import { ReviewApiController } from './review.api.controller';
import { ReviewController } from './review.controller';
import { ReviewRepository } from './review.repository';

/** The review chain (officer, association), recognitions and certificates, and the funnel report. */
@Module({
  imports: [
    CitizenshipDataModule,
    CitizenshipApplicationsModule,
    OrganisationsModule,
    WorkersModule,
    LearningRecordsModule,
    UsersModule,
    NoticesModule,
  ],
  controllers: [ReviewController, ReviewApiController, CitizenVerifyController, CitizenVerifyApiController],
  providers: [
    ReviewRepository,
    ReviewAccess,
    ReviewJournal,
    OfficerReviewService,
    AssociationReviewService,
    ApplicationReviewService,
    CitizenCertificatesService,
    FunnelService,
  ],
  exports: [OfficerReviewService, AssociationReviewService, CitizenCertificatesService, FunnelService],
})
export class CitizenshipReviewModule {}
