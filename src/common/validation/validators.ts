import { registerDecorator, ValidationOptions } from 'class-validator';
import { isValidCccdFormat, normaliseCccd } from './cccd';
import { isValidTaxCode } from './tax-code';

function simple(name: string, test: (value: unknown) => boolean) {
  return (options?: ValidationOptions) => (object: object, propertyName: string) =>
    registerDecorator({
      name,
      target: object.constructor,
      propertyName,
      options,
      validator: { validate: test },
    });
}

export const IsTaxCode = simple('isTaxCode', (v) => typeof v === 'string' && isValidTaxCode(v));
export const IsCccd = simple('isCccd', (v) => typeof v === 'string' && isValidCccdFormat(v));
/**
 * Not a citizen ID number (12 digits, with or without spaces, dots or dashes). For search boxes
 * sent in a URL: a CCCD there would reach proxy logs and browser history, so searching by CCCD
 * goes through a POST form or API call instead.
 */
export const IsNotCccd = simple(
  'isNotCccd',
  (v) => typeof v !== 'string' || !/^\d{12}$/.test(normaliseCccd(v.trim())),
);
/** Vietnamese phone numbers: 0 or +84 followed by 9 digits (10 digits in all). */
export const IsPhone = simple('isPhone', (v) => typeof v === 'string' && /^(0|\+84)\d{9}$/.test(v));
/**
 * A finite number with at most `places` decimals. class-validator's IsNumber({ maxDecimalPlaces })
 * throws on numbers it prints in exponent form (1e-7, -4e-323), which made a 500 of bad input.
 */
export const IsDecimal = (places: number, options?: ValidationOptions) =>
  simple(
    'isNumber',
    (v) => typeof v === 'number' && Number.isFinite(v) && Number(v.toFixed(places)) === v,
  )(options);
/** A real calendar date written YYYY-MM-DD (what <input type=date> sends). */
export const IsIsoDate = simple('isIsoDate', (v) => typeof v === 'string' && isIsoDate(v));

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) &&
    date.toISOString().slice(0, 10) === value &&
    date.getUTCFullYear() >= 1900
  );
}
