const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/**
 * Vietnamese enterprise tax code (mã số thuế): 10 digits whose last is a check digit
 * N10 = 10 − (Σ Ni·Wi mod 11), or 10 digits, a dash and 3 digits for a dependent unit (branch).
 */
export function isValidTaxCode(value: string): boolean {
  const match = /^(\d{10})(?:-(\d{3}))?$/.exec(value);
  if (!match) return false;
  const digits = match[1].split('').map(Number);
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * digits[i], 0);
  const check = 10 - (sum % 11);
  if (check === 10 || check === 11) return false;
  if (match[2] === '000') return false;
  return check === digits[9];
}

/** Accepts spaces and dots people paste from documents: "0300 588 569" → "0300588569". */
export function normaliseTaxCode(value: string): string {
  return value.replace(/[\s.]/g, '');
}
