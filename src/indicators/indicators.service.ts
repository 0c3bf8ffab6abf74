import { Injectable, NotFoundException } from '@nestjs/common';
import { FormError } from '../common/errors/form-error';
import { translate } from '../common/i18n/i18n';
import { Locale } from '../common/i18n/messages';
import { JobRun } from '../jobs/entities/job-run.entity';
import { JobQueue } from '../jobs/job-queue';
import { isYearEnd, percentOf } from './counting-rules';
import { CountingWindow, INDICATOR_CODES, IndicatorCode, MilestoneKind } from './entities/plan.entity';
import { IndicatorSnapshot, SnapshotLevel } from './entities/snapshot.entity';
import { PlansRepository } from './plans.repository';
import { NamedSnapshotRow, SnapshotsRepository } from './snapshots.repository';
import { IndicatorStatus, MilestoneTarget, statusOf, Trend } from './trajectory';
import { Figures } from './unit-rollup';
import { todayInVietnam } from '../common/time/vietnam-time';

/** The figure of each indicator in a snapshot row. */
export const NUMERATOR_OF: Record<IndicatorCode, keyof Figures> = {
  [IndicatorCode.Law]: 'law',
  [IndicatorCode.Vocational]: 'vocational',
  [IndicatorCode.LifeSkills]: 'lifeSkills',
  [IndicatorCode.Digital]: 'digital',
  [IndicatorCode.LearningCitizen]: 'learningCitizen',
};

export interface IndicatorFigure {
  code: IndicatorCode;
  numerator: number;
  denominator: number;
  /** numerator / denominator in percent, one decimal; null when the denominator is 0. */
  percent: number | null;
}

/** One organisation's figures in a snapshot, with its name and the five percentages. */
export interface SnapshotRowView extends Figures {
  level: SnapshotLevel;
  orgId: number;
  name: string;
  parentUnitId: number | null;
  indicators: IndicatorFigure[];
}

export interface YearEndFigures {
  year: number;
  asOf: string;
  snapshotId: number;
  computedAt: Date | null;
  /** The PROVINCE row(s): Đắk Nông before the 2025 reform, Lâm Đồng after. */
  provinces: SnapshotRowView[];
}

export interface IndicatorTargets {
  code: IndicatorCode;
  label: string;
  countingWindow: CountingWindow;
  targets: {
    year: number;
    kind: MilestoneKind | null;
    reviewDate: string | null;
    label: string | null;
    percent: number;
  }[];
}

export interface CountingRule {
  key: string;
  title: string;
  text: string;
}

/** The rules shown next to the numbers, in this order. */
const RULE_KEYS = ['population', 'reached', 'window', 'learningCitizen', 'denominator', 'units', 'reform'];

/**
 * What the dashboards and reports read: snapshots and their rows with names and percentages, the
 * year-end history, targets and the status against them, the counting rules in words, and the
 * way to ask for a roll-up. Everything else about indicators stays behind this service.
 */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly plans: PlansRepository,
    private readonly snapshots: SnapshotsRepository,
    private readonly queue: JobQueue,
  ) {}

  /** The latest ready snapshot of a plan, on or before `asOf` when given. */
  latestSnapshot(planId: number, asOf?: string): Promise<IndicatorSnapshot | null> {
    return this.snapshots.latest(planId, asOf);
  }

  snapshot(id: number): Promise<IndicatorSnapshot | null> {
    return this.snapshots.findById(id);
  }

  /**
   * Rows of one level of a snapshot, largest denominator first. `parentUnitId` narrows UNIT rows to
   * the children of a unit and ENTERPRISE rows to those lying directly in a unit (null: top level).
   */
  async rows(
    snapshotId: number,
    level: SnapshotLevel,
    parentUnitId?: number | null,
  ): Promise<SnapshotRowView[]> {
    return (await this.snapshots.rowsOf(snapshotId, level, parentUnitId)).map(rowView);
  }

  /** The 31 December snapshots of the plan, oldest first, with the province figures of each. */
  async yearEndHistory(planId: number): Promise<YearEndFigures[]> {
    const yearEnds = (await this.snapshots.ready(planId)).filter((s) => isYearEnd(s.asOf));
    const history: YearEndFigures[] = [];
    for (const s of yearEnds) {
      history.push({
        year: Number(s.asOf.slice(0, 4)),
        asOf: s.asOf,
        snapshotId: s.id,
        computedAt: s.computedAt,
        provinces: await this.rows(s.id, SnapshotLevel.Province),
      });
    }
    return history;
  }

  /** Each indicator with its label, window and targets per milestone. */
  async targets(planId: number): Promise<IndicatorTargets[]> {
    if (!(await this.plans.findById(planId))) throw new NotFoundException();
    const [indicators, milestones, targets] = await Promise.all([
      this.plans.indicatorsOf(planId),
      this.plans.milestonesOf(planId),
      this.plans.targetsOf(planId),
    ]);
    const milestoneOf = new Map(milestones.map((m) => [m.year, m]));
    return indicators.map((i) => ({
      code: i.code,
      label: i.label,
      countingWindow: i.countingWindow,
      targets: targets
        .filter((t) => t.planIndicatorId === i.id)
        .map((t) => {
          const m = milestoneOf.get(t.milestoneYear);
          return {
            year: t.milestoneYear,
            kind: m?.kind ?? null,
            reviewDate: m?.reviewDate ?? null,
            label: m?.label ?? null,
            percent: t.targetPercent,
          };
        }),
    }));
  }

  /** ACHIEVED, ON_TRACK or AT_RISK on the straight path to the targets (see trajectory.ts). */
  status(
    current: number,
    target2025: MilestoneTarget | null,
    target2030: MilestoneTarget | null,
    trend: Trend,
  ): IndicatorStatus {
    return statusOf(current, target2025, target2030, trend);
  }

  /** The counting rules in words (Vietnamese unless asked otherwise), to show beside the figures. */
  countingRules(locale: Locale = 'vi'): CountingRule[] {
    return RULE_KEYS.map((key) => ({
      key,
      title: translate(locale, `indicators.rules.${key}.title`),
      text: translate(locale, `indicators.rules.${key}`),
    }));
  }

  /**
   * Queues a roll-up of the plan on a date (deduplicated with any waiting one for the same plan and
   * date); the job run's progress is what progress bars show. `force` recomputes a closed year-end.
   */
  async enqueueRollup(
    planId: number,
    asOf: string,
    requestedBy: number | null,
    force = false,
  ): Promise<JobRun> {
    const plan = await this.plans.findById(planId);
    if (!plan) throw FormError.field('planId', 'indicators.rollup.planNotFound');
    if (asOf < plan.startDate || asOf > plan.endDate) {
      throw FormError.field('asOf', 'indicators.rollup.outsidePlan', {
        from: dmy(plan.startDate),
        to: dmy(plan.endDate),
      });
    }
    if (asOf > todayInVietnam()) throw FormError.field('asOf', 'indicators.rollup.future');
    return this.queue.enqueue(
      'indicators.rollup',
      { planId, asOf, ...(force ? { force: true } : {}) },
      // Asked for now: never joins the debounced refresh of the same day that waits a minute.
      { key: `${planId}:${asOf}${force ? ':now' : ''}`, requestedBy },
    );
  }
}

const dmy = (date: string) => date.split('-').reverse().join('/');

export function rowView(row: NamedSnapshotRow): SnapshotRowView {
  return {
    level: row.level,
    orgId: row.orgId,
    name: row.name,
    parentUnitId: row.parentUnitId,
    population: row.population,
    declaredHeadcount: row.declaredHeadcount,
    denominator: row.denominator,
    law: row.law,
    vocational: row.vocational,
    lifeSkills: row.lifeSkills,
    digital: row.digital,
    learningCitizen: row.learningCitizen,
    indicators: INDICATOR_CODES.map((code) => {
      const numerator = row[NUMERATOR_OF[code]];
      return {
        code,
        numerator,
        denominator: row.denominator,
        percent: percentOf(numerator, row.denominator),
      };
    }),
  };
}
