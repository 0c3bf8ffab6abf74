import { DEFAULT_LOCALE, Locale, LOCALES, MessageRef, MessageSet } from './messages';

const catalog = new Map<string, { vi: string; en: string }>();

/** Adds a domain's messages; a key defined twice is a programming error. */
export function registerMessages(...sets: MessageSet[]): void {
  for (const set of sets) {
    for (const [key, text] of Object.entries(set)) {
      const existing = catalog.get(key);
      if (existing && (existing.vi !== text.vi || existing.en !== text.en)) {
        throw new Error(`Message key defined twice with different texts: ${key}`);
      }
      catalog.set(key, text);
    }
  }
}

export function hasMessage(key: string): boolean {
  return catalog.has(key);
}

export function messageKeys(): string[] {
  return [...catalog.keys()];
}

export function translate(locale: Locale, key: string, params?: Record<string, unknown>): string {
  const text = catalog.get(key);
  const template = text ? text[locale] : key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined || params[name] === null ? whole : String(params[name]),
  );
}

export function translateRef(locale: Locale, ref: MessageRef): string {
  return translate(locale, ref.key, ref.params);
}

export function toLocale(value: unknown): Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
    ? (value as Locale)
    : DEFAULT_LOCALE;
}
