import '../../messages';
import { headerOf, readableCell, readableTable } from './export-labels';

describe('personal data workbook labels', () => {
  const none = new Map();

  it('heads columns in the person’s language, a section’s own header first', () => {
    expect(headerOf('vi', 'learningRecords', 'source')).toBe('Nguồn');
    expect(headerOf('en', 'learningRecords', 'source')).toBe('Source');
    expect(headerOf('vi', 'employments', 'startDate')).toBe('Ngày bắt đầu làm việc');
    expect(headerOf('vi', 'identityReconciliations', 'startDate')).toBe('Ngày bắt đầu');
  });

  it('writes codes as labels, yes/no as Có/Không, hours as numbers, times in Vietnam time', () => {
    const cell = (section: string, column: string, row: Record<string, unknown>) =>
      readableCell('vi', section, column, row, new Map([['recognisedAt', 'instant']]));
    expect(cell('certificates', 'status', { status: 'VALID' })).toBe('Còn hiệu lực');
    expect(cell('certificates', 'recognisedAt', { recognisedAt: '2025-12-15T01:15:42+07:00' })).toBe(
      '15/12/2025 01:15',
    );
    expect(cell('roles', 'role', { role: 'WORKER' })).toBe('Người lao động');
    expect(cell('learningRecords', 'domains', { domains: 'LAW,DIGITAL' })).toBe(
      'Chính trị, pháp luật; Công nghệ thông tin, công nghệ số',
    );
    expect(cell('employments', 'unionMember', { unionMember: 1 })).toBe('Có');
    expect(cell('quizAttempts', 'passed', { passed: false })).toBe('Không');
    expect(cell('learningSummary', 'hours', { hours: '7.50' })).toBe(7.5);
    // A code the app has no label for stays as it is, so nothing is lost.
    expect(cell('learningRecords', 'source', { source: 'NEW_KIND' })).toBe('NEW_KIND');
  });

  it('writes an evaluation’s reasons, its evidence and a notice in words', () => {
    const cell = (section: string, column: string, row: Record<string, unknown>) =>
      readableCell('vi', section, column, row, none);
    expect(
      cell('citizenshipEvaluations', 'reasons', {
        reasons: JSON.stringify([
          { key: 'citizenship.reason.belowPassMark', params: { total: 50, passMark: 70, missing: 20 } },
        ]),
      }),
    ).toBe('Tổng điểm 50 thấp hơn điểm đạt 70 (còn thiếu 20 điểm).');
    expect(cell('citizenshipEvaluations', 'reasons', { reasons: '[]' })).toBeNull();
    expect(
      cell('citizenshipEvaluationItems', 'evidence', {
        evidence: JSON.stringify({ recordIds: [3, 8], count: 2, hours: 7.5 }),
      }),
    ).toBe('Kết quả học tập số 3, 8 (2 kết quả); 7,5 giờ học');
    const notice = { messageKey: 'citizenship.notice.eligible', params: '{"year":2025,"total":70}' };
    expect(cell('notices', 'messageKey', notice)).toContain('2025');
    expect(readableTable('vi', 'notices', [notice], none).headers).toEqual(['Nội dung thông báo']);
  });
});
