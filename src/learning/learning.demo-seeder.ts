import { Injectable } from '@nestjs/common';

/** Demo data of the learning domain, loaded after organisations, users and workers. */
@Injectable()
export class LearningDemoSeeder {
  // TODO(learning): being implemented — placeholder so start-up works meanwhile.
  async seed(): Promise<void> {}
}
