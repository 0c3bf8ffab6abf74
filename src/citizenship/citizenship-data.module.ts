import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CitizenshipApplication, CitizenshipAnswer, LearningPlanItem } from './entities/application.entity';
import { CitizenshipAuditEntry } from './entities/audit-entry.entity';
import { CriteriaGroup, CriteriaSet, Criterion } from './entities/criteria-set.entity';
import { CitizenshipEvaluation, CitizenshipEvaluationItem } from './entities/evaluation.entity';
import { Recognition } from './entities/recognition.entity';
import { AuditTrail } from './audit-trail';

/** The learning-citizen tables and the audit trail, shared by the citizenship sub-modules. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      CriteriaSet,
      CriteriaGroup,
      Criterion,
      CitizenshipApplication,
      LearningPlanItem,
      CitizenshipAnswer,
      CitizenshipEvaluation,
      CitizenshipEvaluationItem,
      Recognition,
      CitizenshipAuditEntry,
    ]),
  ],
  providers: [AuditTrail],
  exports: [TypeOrmModule, AuditTrail],
})
export class CitizenshipDataModule {}
