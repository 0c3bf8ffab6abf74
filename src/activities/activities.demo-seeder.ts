import { Injectable } from '@nestjs/common';

/** Demo data of the activities domain, loaded after organisations, users and workers. */
@Injectable()
export class ActivitiesDemoSeeder {
  // TODO(activities): being implemented — placeholder so start-up works meanwhile.
  async seed(): Promise<void> {}
}
