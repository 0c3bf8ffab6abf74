import { AnnualReport, AnnualReportStatus, ReportFigure } from './entities/annual-report.entity';
import {
  canCorrect,
  correctionOf,
  deadlineState,
  DeadlineState,
  dueDate,
  figureChanges,
  isEditable,
  latestVersion,
  validVersion,
} from './report-rules';

const version = (n: number, status: AnnualReportStatus) => ({ version: n, status });

describe('annual report rules', () => {
  describe('deadlines', () => {
    it('falls due on the body’s day of the report year', () => {
      expect(dueDate(2025, '12-01')).toBe('2025-12-01');
      expect(dueDate(2025, '12-15')).toBe('2025-12-15');
    });

    it('is not submitted until the due day ends, then overdue', () => {
      expect(deadlineState('2025-12-01', null, '2025-11-20')).toEqual({
        state: DeadlineState.NotSubmitted,
        late: false,
      });
      expect(deadlineState('2025-12-01', null, '2025-12-01')).toEqual({
        state: DeadlineState.NotSubmitted,
        late: false,
      });
      expect(deadlineState('2025-12-01', null, '2025-12-02')).toEqual({
        state: DeadlineState.Overdue,
        late: false,
      });
    });

    it('is submitted once submitted, and says when that was late', () => {
      expect(deadlineState('2025-12-01', '2025-11-30', '2026-01-10')).toEqual({
        state: DeadlineState.Submitted,
        late: false,
      });
      expect(deadlineState('2025-12-01', '2025-12-01', '2025-12-01')).toEqual({
        state: DeadlineState.Submitted,
        late: false,
      });
      expect(deadlineState('2025-12-01', '2025-12-03', '2025-12-03')).toEqual({
        state: DeadlineState.Submitted,
        late: true,
      });
    });
  });

  describe('versions', () => {
    it('lets a body edit before the first submission and while a correction is a draft', () => {
      expect(isEditable(null)).toBe(true);
      expect(isEditable({ status: AnnualReportStatus.Draft })).toBe(true);
      expect(isEditable({ status: AnnualReportStatus.Submitted })).toBe(false);
      expect(isEditable({ status: AnnualReportStatus.Superseded })).toBe(false);
    });

    it('corrects only a submitted latest version', () => {
      expect(canCorrect(null)).toBe(false);
      expect(canCorrect({ status: AnnualReportStatus.Draft })).toBe(false);
      expect(canCorrect({ status: AnnualReportStatus.Submitted })).toBe(true);
      expect(canCorrect({ status: AnnualReportStatus.Superseded })).toBe(false);
    });

    it('makes a correction the next version: a draft without frozen figures, with the narrative kept', () => {
      const submitted = {
        id: 41,
        planId: 1,
        bodyId: 3,
        year: 2025,
        version: 1,
        activities: 'Tổ chức 12 buổi tuyên truyền pháp luật lao động.',
        difficulties: 'Công nhân làm ca, khó bố trí thời gian.',
        proposals: null,
      } as Pick<
        AnnualReport,
        'id' | 'planId' | 'bodyId' | 'year' | 'version' | 'activities' | 'difficulties' | 'proposals'
      >;
      expect(correctionOf(submitted)).toEqual({
        planId: 1,
        bodyId: 3,
        year: 2025,
        version: 2,
        status: AnnualReportStatus.Draft,
        supersedesId: 41,
        activities: 'Tổ chức 12 buổi tuyên truyền pháp luật lao động.',
        difficulties: 'Công nhân làm ca, khó bố trí thời gian.',
        proposals: null,
        figures: null,
        snapshotId: null,
      });
    });

    it('counts the newest submitted version, not a correction still in draft', () => {
      const versions = [
        version(1, AnnualReportStatus.Superseded),
        version(2, AnnualReportStatus.Submitted),
        version(3, AnnualReportStatus.Draft),
      ];
      expect(latestVersion(versions)?.version).toBe(3);
      expect(validVersion(versions)?.version).toBe(2);
      expect(validVersion([version(1, AnnualReportStatus.Draft)])).toBeNull();
      expect(latestVersion([])).toBeNull();
    });
  });

  describe('figures changed since submission', () => {
    const row = (level: string, orgId: number, name: string, counts: Partial<ReportFigure> = {}) => ({
      level,
      orgId,
      name,
      population: 10,
      declaredHeadcount: 0,
      denominator: 10,
      law: 5,
      vocational: 2,
      lifeSkills: 1,
      digital: 0,
      learningCitizen: 0,
      ...counts,
    });

    it('finds nothing when every row has the same counts, renamed or in another order', () => {
      const submitted = [row('PROVINCE', 1, 'Tỉnh'), row('UNIT', 2, 'Huyện A'), row('UNIT', 3, 'Huyện B')];
      const now = [row('PROVINCE', 1, 'Tỉnh mới'), row('UNIT', 3, 'Huyện B'), row('UNIT', 2, 'Huyện A')];
      expect(figureChanges(submitted, now)).toEqual([]);
    });

    it('lists each count that moved, old and new, and rows that came or went', () => {
      const submitted = [row('PROVINCE', 1, 'Tỉnh'), row('UNIT', 2, 'Huyện A'), row('UNIT', 3, 'Huyện B')];
      const now = [
        row('PROVINCE', 1, 'Tỉnh', { law: 7, population: 12, denominator: 12 }),
        row('UNIT', 2, 'Huyện A'),
        row('ENTERPRISE', 2, 'Công ty A', {
          population: 2,
          denominator: 2,
          law: 2,
          vocational: 0,
          lifeSkills: 0,
        }),
      ];
      const changes = figureChanges(submitted, now).map(
        (c) => `${c.name} ${c.field} ${c.submitted ?? '—'}→${c.now ?? '—'}`,
      );
      expect(changes).toEqual([
        'Tỉnh population 10→12',
        'Tỉnh denominator 10→12',
        'Tỉnh law 5→7',
        'Công ty A population —→2',
        'Công ty A declaredHeadcount —→0',
        'Công ty A denominator —→2',
        'Công ty A law —→2',
        'Công ty A vocational —→0',
        'Công ty A lifeSkills —→0',
        'Công ty A digital —→0',
        'Công ty A learningCitizen —→0',
        'Huyện B population 10→—',
        'Huyện B declaredHeadcount 0→—',
        'Huyện B denominator 10→—',
        'Huyện B law 5→—',
        'Huyện B vocational 2→—',
        'Huyện B lifeSkills 1→—',
        'Huyện B digital 0→—',
        'Huyện B learningCitizen 0→—',
      ]);
    });
  });
});
