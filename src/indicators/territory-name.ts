import { translate } from '../common/i18n/i18n';
import { Locale } from '../common/i18n/messages';

/**
 * The name of a plan's territory where its figures are rolled up under another unit: after the
 * 2025 reform the seeded plan's province row is "Tỉnh Lâm Đồng", but its figures cover only the
 * former Đắk Nông, so it reads "Tỉnh Lâm Đồng — địa bàn tỉnh Đắk Nông cũ". Null `former` (the
 * row is the plan's own unit) leaves the name as it is. Dashboards, reports and reviews all name
 * the province through this one function.
 */
export function territoryName(locale: Locale, unitName: string, former: string | null): string {
  if (!former) return unitName;
  const lowered = former.charAt(0).toLocaleLowerCase('vi') + former.slice(1);
  return translate(locale, 'dashboard.territory', { unit: unitName, former: lowered });
}
