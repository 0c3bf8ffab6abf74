import { INestApplication } from '@nestjs/common';
import { ConsentService } from '../../src/privacy/consent/consent.service';

/**
 * Records that a user accepted the privacy notice in force, as they do at their first sign-in.
 * Tests that make accounts and API tokens directly (not through the pages) call it, since pages and
 * the API refuse a person who has not accepted the notice.
 */
export async function acceptPrivacyNotice(app: INestApplication, userId: number): Promise<void> {
  const consents = app.get(ConsentService, { strict: false });
  await consents.accept(userId, consents.currentVersion);
}
