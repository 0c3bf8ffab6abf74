import '../../messages';
import { IndicatorCode } from '../entities/plan.entity';
import { IndicatorStatus } from '../trajectory';
import { displayCell, indicatorColumns, orgColumns, screenTable } from './dashboard.presenters';
import { IndicatorLine, OrgLine } from './dashboard.service';
import { SnapshotLevel } from '../entities/snapshot.entity';
import {
  formatPercent,
  gapTo,
  indicatorPercent,
  indicatorStatus,
  nextMilestone,
  percentOf,
  round1,
} from './indicator-figures';

const figures = {
  population: 150,
  declaredHeadcount: 160,
  denominator: 160,
  law: 121,
  vocational: 1,
  lifeSkills: 0,
  digital: 159,
  learningCitizen: 53,
};

describe('indicator figures', () => {
  it('rounds a percentage once, to one decimal, and has none without a denominator', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(121, 160)).toBe(75.6);
    expect(percentOf(0, 0)).toBeNull();
    expect(percentOf(5, 0)).toBeNull();
    expect(indicatorPercent(figures, IndicatorCode.Digital)).toBe(99.4);
    expect(indicatorPercent(figures, IndicatorCode.LearningCitizen)).toBe(33.1);
  });

  it('writes a percentage the Vietnamese or the English way, and a dash when unknown', () => {
    expect(formatPercent(75.6, 'vi')).toBe('75,6');
    expect(formatPercent(75.6, 'en')).toBe('75.6');
    expect(formatPercent(70, 'vi')).toBe('70,0');
    expect(formatPercent(null, 'vi')).toBe('—');
  });

  it('measures the gap to a target in points, and none once it is reached', () => {
    expect(gapTo(33.3, 70)).toBe(36.7);
    expect(gapTo(75.6, 70)).toBe(0);
    expect(gapTo(null, 70)).toBeNull();
    expect(round1(70 - 33.3)).toBe(36.7);
  });

  it('aims at the first milestone not yet reviewed, then the last one', () => {
    const targets = [
      { year: 2030, percent: 90 },
      { year: 2025, percent: 70 },
    ];
    expect(nextMilestone(targets, '2024-12-31')?.year).toBe(2025);
    expect(nextMilestone(targets, '2025-12-31')?.year).toBe(2025);
    expect(nextMilestone(targets, '2026-01-01')?.year).toBe(2030);
    expect(nextMilestone(targets, '2031-06-30')?.year).toBe(2030);
  });

  it('calls an indicator achieved, on track or at risk from its trajectory', () => {
    const base = {
      asOf: '2024-12-31',
      targets: [
        { year: 2025, percent: 70 },
        { year: 2030, percent: 90 },
      ],
      trend: [],
      planStart: '2023-01-01',
    };
    expect(indicatorStatus({ ...base, current: 72 }).status).toBe(IndicatorStatus.Achieved);
    // Two thirds of the way to the end of 2025: the path expects about 46.7%.
    expect(indicatorStatus({ ...base, current: 50 }).status).toBe(IndicatorStatus.OnTrack);
    expect(indicatorStatus({ ...base, current: 20 }).status).toBe(IndicatorStatus.AtRisk);
    expect(indicatorStatus({ ...base, current: null }).status).toBeNull();
    const result = indicatorStatus({ ...base, current: 50 });
    expect(result.milestone?.year).toBe(2025);
    expect(result.gap).toBe(20);
  });
});

describe('dashboard tables', () => {
  const line: IndicatorLine = {
    code: IndicatorCode.Law,
    label: 'Tỷ lệ …',
    numerator: 1250,
    denominator: 1653,
    current: percentOf(1250, 1653),
    targets: [
      { year: 2025, percent: 70 },
      { year: 2030, percent: 90 },
    ],
    history: [{ date: '2024-12-31', percent: 41.2 }],
    result: { status: IndicatorStatus.OnTrack, milestone: { year: 2030, percent: 90 }, gap: 14.4 },
  };

  it('shows on the page exactly the values the export writes, formatted', () => {
    const columns = indicatorColumns('vi', ['2024-12-31'], [2025, 2030]);
    const table = screenTable('vi', columns, [line]);
    expect(table.headers.map((h) => h.label)).toEqual([
      'Chỉ tiêu',
      'Số người đạt',
      'Mẫu số',
      'Tỷ lệ hiện tại (%)',
      'Tỷ lệ ngày 31/12/2024 (%)',
      'Chỉ tiêu năm 2025 (%)',
      'Chỉ tiêu năm 2030 (%)',
      'Còn thiếu đến chỉ tiêu mốc (điểm %)',
      'Đánh giá',
    ]);
    const exported = columns.map((c) => c.value(line));
    expect(exported).toEqual(['Chính trị, pháp luật', 1250, 1653, 75.6, 41.2, 70, 90, 14.4, 'Đúng tiến độ']);
    expect(table.rows[0].cells.map((c) => c.text)).toEqual(
      columns.map((c, i) => displayCell(exported[i], c.kind, 'vi')),
    );
    expect(table.rows[0].cells.map((c) => c.text)).toEqual([
      'Chính trị, pháp luật',
      '1.250',
      '1.653',
      '75,6',
      '41,2',
      '70,0',
      '90,0',
      '14,4',
      'Đúng tiến độ',
    ]);
  });

  it('lists an organisation with its population, headcount, denominator and the five percentages', () => {
    const org: OrgLine = {
      level: SnapshotLevel.Enterprise,
      orgId: 7,
      name: 'Công ty TNHH Chế biến Nông sản Tâm Phát',
      figures,
      href: '/indicators/enterprises/7',
      focus: false,
    };
    const columns = orgColumns('vi');
    expect(columns.map((c) => c.value(org))).toEqual([
      'Công ty TNHH Chế biến Nông sản Tâm Phát',
      'Doanh nghiệp',
      150,
      160,
      160,
      75.6,
      0.6,
      0,
      99.4,
      33.1,
    ]);
    expect(screenTable('vi', columns, [org]).rows[0].cells[0]).toEqual({
      text: 'Công ty TNHH Chế biến Nông sản Tâm Phát',
      numeric: false,
      href: '/indicators/enterprises/7',
    });
  });
});
