import { FormError } from '../common/errors/form-error';
import { translate } from '../common/i18n/i18n';
import { Locale } from '../common/i18n/messages';
import { formatDate } from '../common/views/view-helpers';
import { TargetDto } from './dto/plan.dto';
import { CountingWindow, IndicatorCode, MilestoneKind } from './entities/plan.entity';
import { ReportingBodyKind } from './entities/reporting-body.entity';
import { SnapshotRowView } from './indicators.service';
import { PlanDetail, targetKey } from './plans.service';

export interface SelectOption {
  value: string | number;
  label: string;
}

export const windowOptions = (locale: Locale): SelectOption[] =>
  Object.values(CountingWindow).map((w) => ({
    value: w,
    label: translate(locale, `indicators.window.${w}`),
  }));

export const milestoneKindOptions = (locale: Locale): SelectOption[] =>
  Object.values(MilestoneKind).map((k) => ({
    value: k,
    label: translate(locale, `indicators.milestoneKind.${k}`),
  }));

export const bodyKindOptions = (locale: Locale): SelectOption[] =>
  Object.values(ReportingBodyKind).map((k) => ({
    value: k,
    label: translate(locale, `indicators.bodyKind.${k}`),
  }));

/** "12-01" → "01/12". */
export const dueDay = (monthDay: string) => monthDay.split('-').reverse().join('/');

/** What the plan page shows: the plan, its indicators with the targets matrix, milestones, bodies. */
export function planPage(detail: PlanDetail, locale: Locale) {
  const years = detail.milestones.map((m) => m.year);
  return {
    plan: detail.plan,
    unitName: detail.unitName,
    period: `${formatDate(detail.plan.startDate)} – ${formatDate(detail.plan.endDate)}`,
    indicators: detail.indicators.map((i) => ({
      ...i,
      name: translate(locale, `indicators.code.${i.code}`),
      held: i.code === IndicatorCode.LearningCitizen,
      windowName: translate(locale, `indicators.window.${i.countingWindow}`),
      targets: years.map((year) => {
        const value = detail.targets.get(targetKey(i.code, year));
        return {
          year,
          field: `target_${i.code}_${year}`,
          value: value === undefined ? '' : String(value),
          label: translate(locale, 'indicators.targets.of', {
            indicator: translate(locale, `indicators.code.${i.code}`),
            year,
          }),
        };
      }),
    })),
    milestones: detail.milestones.map((m) => ({
      ...m,
      kindName: translate(locale, `indicators.milestoneKind.${m.kind}`),
    })),
    years,
    bodies: detail.bodies.map((b) => ({
      ...b,
      kindName: translate(locale, `indicators.bodyKind.${b.kind}`),
      due: translate(locale, 'indicators.body.dueOn', { day: dueDay(b.dueMonthDay) }),
      validity: validityOf(locale, b, detail.bodies),
      memberNames: b.members.map((m) => m.username).join(', '),
    })),
    windowOptions: windowOptions(locale),
  };
}

/** "từ 01/07/2025", "đến 28/02/2025, nay là Sở Nội vụ": when a body reports, empty when always. */
function validityOf(
  locale: Locale,
  body: { validFrom: string | null; validTo: string | null; successorId: number | null },
  bodies: { id: number; name: string }[],
): string {
  const parts: string[] = [];
  if (body.validFrom)
    parts.push(translate(locale, 'indicators.body.since', { date: formatDate(body.validFrom) }));
  const successor = bodies.find((b) => b.id === body.successorId);
  if (body.validTo)
    parts.push(
      successor
        ? translate(locale, 'indicators.body.endedInto', {
            date: formatDate(body.validTo),
            name: successor.name,
          })
        : translate(locale, 'indicators.body.ended', { date: formatDate(body.validTo) }),
    );
  return parts.join(', ');
}

/** The targets matrix as typed: "target_LAW_2025" = "70" (a comma is read as the decimal point). */
export function targetsFromForm(form: Record<string, unknown> | undefined): TargetDto[] {
  // No body at all (a form posted with a type no parser reads) is an empty form.
  const body = form ?? {};
  onlyFields(body, /^target_[A-Z_]+_\d{4}$/);
  const targets: TargetDto[] = [];
  for (const [field, raw] of Object.entries(body)) {
    const match = /^target_([A-Z_]+)_(\d{4})$/.exec(field);
    if (!match) continue;
    const text = typeof raw === 'string' ? raw.trim().replace(',', '.') : '';
    targets.push({
      indicator: match[1] as IndicatorCode,
      year: Number(match[2]),
      percent: text === '' ? null : /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN,
    });
  }
  return targets;
}

/**
 * These two forms name their fields after the plan's indicators and years, so no DTO class can
 * list them; like the ValidationPipe's forbidNonWhitelisted, a field of another name is refused.
 */
function onlyFields(body: Record<string, unknown>, pattern: RegExp): void {
  const unknown = Object.keys(body).filter((field) => !pattern.test(field));
  if (unknown.length > 0)
    throw new FormError(
      Object.fromEntries(
        unknown.map((field) => [field, { key: 'validation.unknownField', params: { field } }]),
      ),
    );
}

/** The indicators form as typed: "label_LAW" and "window_LAW". */
export function indicatorsFromForm(form: Record<string, unknown> | undefined) {
  const body = form ?? {};
  onlyFields(body, /^(label|window)_[A-Z_]+$/);
  const values: Partial<Record<IndicatorCode, { label: string; countingWindow: CountingWindow }>> = {};
  for (const code of Object.values(IndicatorCode)) {
    const label = body[`label_${code}`];
    const window = body[`window_${code}`];
    values[code] = {
      label: typeof label === 'string' ? label : '',
      countingWindow: (typeof window === 'string' ? window : CountingWindow.PlanToDate) as CountingWindow,
    };
  }
  return values;
}

/** A snapshot row as a table line: name, workers, headcount, denominator and the five shares. */
export function figuresLine(row: SnapshotRowView) {
  return {
    name: row.name,
    population: row.population,
    declaredHeadcount: row.declaredHeadcount,
    denominator: row.denominator,
    cells: row.indicators.map((i) => ({ code: i.code, numerator: i.numerator, share: i.percent })),
  };
}
