import { Injectable } from '@nestjs/common';

/** Demo applications for the learning-citizen title, loaded after the learning demo data. */
@Injectable()
export class CitizenshipDemoSeeder {
  // TODO(citizenship): being implemented — placeholder so start-up works meanwhile.
  async seed(): Promise<void> {}
}
