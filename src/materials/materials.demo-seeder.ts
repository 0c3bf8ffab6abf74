import { Injectable } from '@nestjs/common';

/** Demo data of the materials domain, loaded after organisations, users and workers. */
@Injectable()
export class MaterialsDemoSeeder {
  // TODO(materials): being implemented — placeholder so start-up works meanwhile.
  async seed(): Promise<void> {}
}
