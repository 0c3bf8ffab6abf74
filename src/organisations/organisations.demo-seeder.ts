import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Loads seeds/demo/organisations.json (enterprises with headcounts and unions, institutions, branches). */
@Injectable()
export class OrganisationsDemoSeeder {
  // TODO(organisations): implement — placeholder so the foundation boots while the domain is built.
  async seed(_manager: EntityManager): Promise<void> {}
}
