import { normaliseHeader } from '../../imports/spreadsheet/columns';
import { DomainCode, isDomainCode } from '../learning-domains';

/** What people write for each domain in a list, compared folded: the code, the name, short forms. */
const NAMES: Record<DomainCode, string[]> = {
  [DomainCode.Law]: ['chính trị, pháp luật', 'chính trị pháp luật', 'pháp luật', 'chính trị', 'law'],
  [DomainCode.Vocational]: ['kỹ năng nghề nghiệp', 'kỹ năng nghề', 'nghề nghiệp', 'nghề', 'vocational'],
  [DomainCode.LifeSkills]: ['kỹ năng sống', 'life skills', 'life_skills'],
  [DomainCode.Digital]: [
    'công nghệ thông tin, công nghệ số',
    'công nghệ thông tin',
    'công nghệ số',
    'chuyển đổi số',
    'cntt',
    'tin học',
    'digital',
  ],
};

const BY_NAME = new Map<string, DomainCode>(
  (Object.entries(NAMES) as [DomainCode, string[]][]).flatMap(([code, names]) =>
    [code, ...names].map((n) => [normaliseHeader(n), code] as [string, DomainCode]),
  ),
);

/**
 * The domains of a cell: codes or names separated by ";", "+" or a new line (a comma may be part of
 * a name, so "Chính trị, pháp luật" is one domain), sorted and without repeats; the first word
 * that is no domain is returned instead.
 */
export function parseDomains(text: string): { domains: DomainCode[] } | { unknown: string } {
  const found = new Set<DomainCode>();
  const parts = text
    .split(/[;+\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  for (const part of parts) {
    const upper = part.toUpperCase();
    const code = isDomainCode(upper) ? upper : (BY_NAME.get(normaliseHeader(part)) ?? null);
    if (code) {
      found.add(code);
      continue;
    }
    // "Pháp luật, Kỹ năng sống": commas between names that are not one name.
    const pieces = part
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const codes = pieces.map((p) =>
      isDomainCode(p.toUpperCase()) ? (p.toUpperCase() as DomainCode) : BY_NAME.get(normaliseHeader(p)),
    );
    const missing = pieces.find((_, i) => !codes[i]);
    if (missing !== undefined) return { unknown: missing };
    for (const c of codes) found.add(c!);
  }
  return { domains: [...found].sort() };
}
