import { indicatorsMessages } from './indicators/indicators.messages';
import { dashboardMessages } from './indicators/dashboard/dashboard.messages';
import { reportsMessages } from './reports/reports.messages';
import { citizenshipMessages } from './citizenship/citizenship.messages';
import { reviewMessages } from './citizenship/review/review.messages';
import { noticesMessages } from './notices/notices.messages';
import { materialsMessages } from './materials/materials.messages';
import { learningRecordsMessages } from './learning-records/learning-records.messages';
import { learningMessages } from './learning/learning.messages';
import { filesMessages } from './files/files.messages';
import { catalogMessages } from './catalog/catalog.messages';
import { activitiesMessages } from './activities/activities.messages';
import { surveysMessages } from './engagement/surveys/surveys.messages';
import { assignmentsMessages } from './assignments/assignments.messages';
import { campaignsMessages } from './engagement/campaigns/campaigns.messages';
import { commendationsMessages } from './engagement/commendations/commendations.messages';
import { supportMessages } from './engagement/support/support.messages';
import { contestsMessages } from './engagement/contests/contests.messages';
import { auditMessages } from './audit/audit.messages';
import { authMessages } from './auth/auth.messages';
import { commonMessages } from './common/i18n/common.messages';
import { registerMessages } from './common/i18n/i18n';
import { historyMessages } from './history/history.messages';
import { homeMessages } from './home/home.messages';
import { importsMessages } from './imports/imports.messages';
import { jobsMessages } from './jobs/jobs.messages';
import { organisationsMessages } from './organisations/organisations.messages';
import { privacyMessages } from './privacy/privacy.messages';
import { usersMessages } from './users/users.messages';
import { workersMessages } from './workers/workers.messages';

/** Every domain's on-screen texts, in Vietnamese and English. */
registerMessages(
  indicatorsMessages,
  dashboardMessages,
  reportsMessages,
  citizenshipMessages,
  reviewMessages,
  noticesMessages,
  activitiesMessages,
  assignmentsMessages,
  surveysMessages,
  campaignsMessages,
  commendationsMessages,
  supportMessages,
  contestsMessages,
  catalogMessages,
  filesMessages,
  learningMessages,
  learningRecordsMessages,
  materialsMessages,
  commonMessages,
  auditMessages,
  historyMessages,
  authMessages,
  homeMessages,
  importsMessages,
  jobsMessages,
  organisationsMessages,
  privacyMessages,
  usersMessages,
  workersMessages,
);
