/**
 * Citizen identity card number (Căn cước công dân, CCCD): 12 digits —
 * 3 for the province of birth registration, 1 for century and sex, 2 for the year of birth,
 * 6 random (Circular 07/2016/TT-BCA, kept by Circular 17/2024/TT-BCA).
 */
const PROVINCE_CODES = new Set([
  '001',
  '002',
  '004',
  '006',
  '008',
  '010',
  '011',
  '012',
  '014',
  '015',
  '017',
  '019',
  '020',
  '022',
  '024',
  '025',
  '026',
  '027',
  '030',
  '031',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '040',
  '042',
  '044',
  '045',
  '046',
  '048',
  '049',
  '051',
  '052',
  '054',
  '056',
  '058',
  '060',
  '062',
  '064',
  '066',
  '067',
  '068',
  '070',
  '072',
  '074',
  '075',
  '077',
  '079',
  '080',
  '082',
  '083',
  '084',
  '086',
  '087',
  '089',
  '091',
  '092',
  '093',
  '094',
  '095',
  '096',
]);

export function isValidCccdFormat(value: string): boolean {
  return /^\d{12}$/.test(value) && PROVINCE_CODES.has(value.slice(0, 3));
}

/** The century/sex digit and the two year digits must agree with the date of birth. */
export function cccdMatchesBirthYear(value: string, birthYear: number): boolean {
  if (!isValidCccdFormat(value)) return false;
  const centuryDigit = Number(value[3]);
  const century = 1900 + Math.floor(centuryDigit / 2) * 100;
  return century + Number(value.slice(4, 6)) === birthYear;
}

export function sexFromCccd(value: string): 'MALE' | 'FEMALE' {
  return Number(value[3]) % 2 === 0 ? 'MALE' : 'FEMALE';
}

/** 067*******89: enough for a person to recognise their own number, not enough to use it. */
export function maskCccd(value: string): string {
  return value.length === 12 ? `${value.slice(0, 3)}*******${value.slice(10)}` : '************';
}

/**
 * The digits of a CCCD however it was typed or pasted: full-width digits (NFKC), spaces of any kind
 * (no-break, thin, ideographic), dots, dashes of any kind and invisible format characters dropped.
 * The same number must always give the same string: sign-in looks accounts up, and counts
 * failures, by it.
 */
export function normaliseCccd(value: string): string {
  return value.normalize('NFKC').replace(/[\s.\p{Pd}\u2212\p{Cf}]/gu, '');
}
