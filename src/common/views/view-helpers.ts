import type { HelperOptions } from 'handlebars';
import { translate, toLocale } from '../i18n/i18n';
import { toDmy } from '../time/iso-date';
import { toVietnamInput, vietnamDateOf } from '../time/vietnam-time';

type Hbs = {
  registerHelper(name: string, fn: (...args: never[]) => unknown): void;
  SafeString: new (s: string) => unknown;
};

function rootOf(options: HelperOptions): Record<string, unknown> {
  return (options?.data?.root ?? {}) as Record<string, unknown>;
}

/** dd/MM/yyyy for a 'YYYY-MM-DD' date column or a Date, in Vietnam's time zone. */
export function formatDate(value: unknown): string {
  if (!value) return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return toDmy(value);
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) return '';
  return toDmy(vietnamDateOf(date));
}

/** dd/MM/yyyy HH:mm in Vietnam time. */
export function formatDateTime(value: unknown): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) return '';
  const local = toVietnamInput(date);
  return `${toDmy(local)} ${local.slice(11, 16)}`;
}

/** Number formats by locale and digits, made once: building one costs more than formatting with it. */
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: unknown, locale: string, digits = 0): string {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return '';
  const tag = locale === 'en' ? 'en-US' : 'vi-VN';
  const key = `${tag}:${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format.format(n);
}

/**
 * Hours as people write them, the one way every page, PDF and message shows them: a decimal comma
 * in Vietnamese ("7,5", "0,75", "2"), a point in English, at most two decimals, no trailing zeros.
 */
export function formatHours(value: unknown, locale: string): string {
  const n = typeof value === 'number' ? value : Number(value);
  if (value === null || value === undefined || value === '' || !Number.isFinite(n)) return '';
  const hours = Math.round(n * 100) / 100;
  return formatNumber(hours, locale, Number.isInteger(hours) ? 0 : Number.isInteger(hours * 10) ? 1 : 2);
}

/** The helpers every template can use. Output is escaped unless a helper builds safe markup itself. */
export function registerViewHelpers(hbs: Hbs): void {
  /** {{t "key" name=value}}; a parameters object may come first, as flash messages carry theirs: {{t key params}}. */
  hbs.registerHelper('t', function (this: unknown, key: string, ...args: unknown[]) {
    const options = args.pop() as HelperOptions;
    const params = args[0] && typeof args[0] === 'object' ? (args[0] as Record<string, unknown>) : {};
    return translate(toLocale(rootOf(options).locale), key, { ...params, ...options?.hash });
  } as never);
  hbs.registerHelper('eq', ((a: unknown, b: unknown) => a === b || String(a) === String(b)) as never);
  hbs.registerHelper('not', ((a: unknown) => !a) as never);
  hbs.registerHelper('and', ((...args: unknown[]) => args.slice(0, -1).every(Boolean)) as never);
  hbs.registerHelper('or', ((...args: unknown[]) => args.slice(0, -1).some(Boolean)) as never);
  hbs.registerHelper('gt', ((a: number, b: number) => Number(a) > Number(b)) as never);
  hbs.registerHelper('date', ((value: unknown) => formatDate(value)) as never);
  hbs.registerHelper('datetime', ((value: unknown) => formatDateTime(value)) as never);
  hbs.registerHelper('number', function (value: unknown, options: HelperOptions) {
    return formatNumber(value, String(rootOf(options).locale), Number(options?.hash?.digits ?? 0));
  } as never);
  /** {{formatHours record.hours}}: "7,5". */
  hbs.registerHelper('formatHours', function (value: unknown, options: HelperOptions) {
    return formatHours(value, String(rootOf(options).locale));
  } as never);
  hbs.registerHelper('percent', function (value: unknown, options: HelperOptions) {
    return `${formatNumber(value, String(rootOf(options).locale), Number(options?.hash?.digits ?? 1))}%`;
  } as never);
  hbs.registerHelper('urlencode', ((value: unknown) => encodeURIComponent(String(value ?? ''))) as never);
  hbs.registerHelper('inc', ((n: unknown) => Number(n) + 1) as never);
  hbs.registerHelper('dec', ((n: unknown) => Number(n) - 1) as never);
  hbs.registerHelper('concat', ((...args: unknown[]) => args.slice(0, -1).join('')) as never);
  /** The value a form field shows: what was just typed if the form came back with errors, else the record's. */
  hbs.registerHelper('fieldValue', function (name: string, ...rest: unknown[]) {
    // {{fieldValue "x"}} passes no fallback: Handlebars' options object comes second, and it must
    // not be taken for a value (a checkbox would start ticked).
    const options = rest.pop() as HelperOptions;
    const fallback = rest[0];
    const form = rootOf(options).form as
      { values?: Record<string, unknown>; submitted?: boolean } | undefined;
    // After a submit, an absent value means the field was left empty, not "show the saved value".
    if (form?.submitted) return form.values?.[name] ?? '';
    if (form?.values && name in form.values) return form.values[name] ?? '';
    return fallback ?? '';
  } as never);
  hbs.registerHelper('fieldError', function (name: string, options: HelperOptions) {
    const form = rootOf(options).form as { errors?: Record<string, string> } | undefined;
    return form?.errors?.[name] ?? '';
  } as never);
  /** Builds a URL with the current query changed, for pagination and filters. */
  hbs.registerHelper('withQuery', function (
    path: string,
    query: Record<string, unknown>,
    options: HelperOptions,
  ) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...(query ?? {}), ...(options?.hash ?? {}) })) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
    const qs = params.toString();
    return qs ? `${path}?${qs}` : path;
  } as never);
  /**
   * {{{focusableTables lesson.bodyHtml}}}: a lesson's tables scroll sideways on a phone (app.css), so
   * each can take the focus and scroll from the keyboard. For HTML already sanitised: it only adds
   * the attribute to the bare <table> tags the sanitiser leaves.
   */
  hbs.registerHelper('focusableTables', ((html: unknown) =>
    typeof html === 'string' ? html.replace(/<table>/g, '<table tabindex="0">') : '') as never);
  hbs.registerHelper('json', function (value: unknown) {
    // For JSON-LD and data attributes: "<" is escaped so the payload cannot close a script tag.
    return new hbs.SafeString(JSON.stringify(value ?? null).replace(/</g, '\\u003c'));
  } as never);
}
