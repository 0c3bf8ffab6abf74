/**
 * The four learning domains the plan measures (its indicators a–d). Their names live in the
 * learning_domains table (seeds/reference/learning-domains.json); the codes are fixed because the
 * per-worker summary keeps one column per domain.
 */
export enum DomainCode {
  Law = 'LAW',
  Vocational = 'VOCATIONAL',
  LifeSkills = 'LIFE_SKILLS',
  Digital = 'DIGITAL',
}

export const DOMAIN_CODES = Object.values(DomainCode);

/** The summary column holding the first date a worker reached each domain. */
export const FIRST_ON_COLUMN: Record<DomainCode, string> = {
  [DomainCode.Law]: 'first_law_on',
  [DomainCode.Vocational]: 'first_vocational_on',
  [DomainCode.LifeSkills]: 'first_life_skills_on',
  [DomainCode.Digital]: 'first_digital_on',
};

/** The summary column holding the latest date a worker learned in each domain. */
export const LATEST_ON_COLUMN: Record<DomainCode, string> = {
  [DomainCode.Law]: 'latest_law_on',
  [DomainCode.Vocational]: 'latest_vocational_on',
  [DomainCode.LifeSkills]: 'latest_life_skills_on',
  [DomainCode.Digital]: 'latest_digital_on',
};

export function isDomainCode(value: unknown): value is DomainCode {
  return typeof value === 'string' && (DOMAIN_CODES as string[]).includes(value);
}
