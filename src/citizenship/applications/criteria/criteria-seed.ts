import { EntityManager } from 'typeorm';
import { readSeed } from '../../../common/seed-files';
import { CriteriaSet, CriteriaSetStatus } from '../../entities/criteria-set.entity';
import { CriteriaContent } from './criteria-content';
import { insertCriteriaVersion } from './criteria-sets.repository';

interface CriteriaSeedFile {
  sets: (CriteriaContent & { code: string; version: number; status: CriteriaSetStatus })[];
}

export const DEFAULT_CRITERIA_FILE = 'reference/criteria-324.json';

/**
 * Loads the default criteria (seeds/reference/criteria-324.json) by code and version: a version
 * already stored is left exactly as it is, since evaluations and recognitions may point at it. A
 * seeded ACTIVE version becomes active only when its code has none yet; otherwise it waits as a
 * draft for the association to activate. Returns how many versions were added.
 */
export async function seedCriteriaSets(
  manager: EntityManager,
  file: string = DEFAULT_CRITERIA_FILE,
  now = new Date(),
): Promise<number> {
  const { sets } = readSeed<CriteriaSeedFile>(file);
  const repo = manager.getRepository(CriteriaSet);
  let added = 0;
  for (const seed of sets) {
    if (await repo.exists({ where: { code: seed.code, version: seed.version } })) continue;
    const { code, version, status, ...content } = seed;
    const activeExists =
      status === CriteriaSetStatus.Active &&
      (await repo.exists({ where: { code, status: CriteriaSetStatus.Active } }));
    const effective = activeExists ? CriteriaSetStatus.Draft : status;
    await insertCriteriaVersion(
      manager,
      {
        code,
        version,
        status: effective,
        createdBy: null,
        activatedAt: effective === CriteriaSetStatus.Active ? now : null,
      },
      content,
    );
    added++;
  }
  return added;
}
