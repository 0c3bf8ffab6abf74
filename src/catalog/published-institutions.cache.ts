import { Injectable } from '@nestjs/common';
import { TtlCache } from '../common/cache/ttl-cache';

/**
 * The institutions that have a published course (the catalogue's filter, asked on every catalogue
 * page), kept a minute in each process. A course published or archived through this process
 * forgets it at once (CoursesRepository.update); another process's change shows within the minute.
 */
@Injectable()
export class PublishedInstitutionsCache extends TtlCache<'all', { id: number; name: string }[]> {
  constructor() {
    super(60_000, 1);
  }
}
