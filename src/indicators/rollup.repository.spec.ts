import { DomainCode } from '../learning-records/learning-domains';
import { CountingWindow } from './entities/plan.entity';
import { enterpriseCountsSql, enterpriseTitlesSql } from './rollup.repository';

const windows = (window: CountingWindow, digital = window) => ({
  [DomainCode.Law]: window,
  [DomainCode.Vocational]: window,
  [DomainCode.LifeSkills]: window,
  [DomainCode.Digital]: digital,
});

describe('the enterprise-level statement', () => {
  it('is one grouped pass over employments joined 1:1 to the summary', () => {
    const [sql, params] = enterpriseCountsSql({
      asOf: '2025-09-30',
      planStart: '2023-01-01',
      windows: windows(CountingWindow.PlanToDate),
      enterpriseIds: null,
    });
    // Each (enterprise, worker) once, however many employments of theirs overlap D.
    expect(sql).toMatch(
      /FROM \(SELECT DISTINCT emp.enterprise_id, emp.worker_id FROM employments emp WHERE [^)]+\)\) emp\s+LEFT JOIN worker_learning_summary s ON s.worker_id = emp.worker_id/,
    );
    expect(sql).not.toContain('recognitions');
    expect(sql).toContain('GROUP BY emp.enterprise_id');
    expect(sql).not.toContain('COUNT(DISTINCT');
    expect(sql).not.toContain('learning_records');
    // Only the rare "learned before the plan" branch looks at the year rows, once per domain.
    expect(sql).not.toContain('LEFT JOIN worker_learning_years');
    expect(sql.match(/EXISTS \(SELECT 1 FROM worker_learning_years/g)).toHaveLength(4);
    expect(sql).not.toContain('emp.enterprise_id IN');
    expect(params).toHaveLength(sql.split('?').length - 1);
  });

  it('joins the year row of the date only when a window needs it', () => {
    const [sql, params] = enterpriseCountsSql({
      asOf: '2025-09-30',
      planStart: '2023-01-01',
      windows: windows(CountingWindow.PlanToDate, CountingWindow.CalendarYear),
      enterpriseIds: [4, 9],
    });
    expect(sql).toContain('LEFT JOIN worker_learning_years y ON y.worker_id = emp.worker_id AND y.year = ?');
    expect(sql).toContain('CASE WHEN y.first_digital_on <= ? THEN 1 ELSE 0 END');
    expect(sql.match(/EXISTS/g)).toHaveLength(3);
    expect(sql).toContain('emp.enterprise_id IN (4, 9)');
    expect(params).toHaveLength(sql.split('?').length - 1);
  });

  it('reads no employment for a plan whose territory has no enterprise', () => {
    const [sql] = enterpriseCountsSql({
      asOf: '2025-09-30',
      planStart: '2023-01-01',
      windows: windows(CountingWindow.CalendarYear),
      enterpriseIds: [],
    });
    expect(sql).toContain('AND 1 = 0');
  });
});

describe('the title holders statement', () => {
  it('reads the recognitions of the year held at the end of D, joined to employments active on D', () => {
    const [sql, params] = enterpriseTitlesSql({
      asOf: '2025-09-30',
      planStart: '2023-01-01',
      windows: windows(CountingWindow.PlanToDate),
      enterpriseIds: [4, 9],
    });
    expect(sql).toMatch(
      /FROM recognitions r\s+JOIN \(SELECT DISTINCT emp.enterprise_id, emp.worker_id FROM employments emp WHERE .+\) emp ON emp.worker_id = r.worker_id/,
    );
    expect(sql).toContain("r.year = ? AND r.recognised_at < ? AND (r.status = 'VALID' OR r.revoked_at >= ?)");
    expect(sql).toContain('emp.start_date <= ? AND (emp.end_date IS NULL OR emp.end_date >= ?)');
    expect(sql).toContain('emp.enterprise_id IN (4, 9)');
    expect(sql).toContain('GROUP BY emp.enterprise_id');
    expect(params).toEqual([
      '2025-09-30',
      '2025-09-30',
      2025,
      '2025-09-30 17:00:00.000',
      '2025-09-30 17:00:00.000',
    ]);
  });
});
