import { Injectable } from '@nestjs/common';

/** Demo data of the catalog domain, loaded after organisations, users and workers. */
@Injectable()
export class CatalogDemoSeeder {
  // TODO(catalog): being implemented — placeholder so start-up works meanwhile.
  async seed(): Promise<void> {}
}
