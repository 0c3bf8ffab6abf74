import { translateRef } from '../../common/i18n/i18n';
import { ineligibilityReasons, ReasonSet } from './ineligibility';
import '../../messages';

describe(ineligibilityReasons.name, () => {
  const set: ReasonSet = {
    passMark: 70,
    groups: [
      {
        code: '1',
        name: 'Năng lực tự học và học tập suốt đời',
        minPoints: 20,
        criteria: [
          { code: '1.1', points: 30 },
          { code: '1.2', points: 30 },
        ],
      },
      {
        code: '2',
        name: 'Kỹ năng sử dụng công cụ',
        minPoints: 10,
        criteria: [
          { code: '2.1', points: 20 },
          { code: '2.2', points: 10 },
        ],
      },
      { code: '3', name: 'Quan hệ xã hội', minPoints: null, criteria: [{ code: '3.1', points: 10 }] },
    ],
  };
  const evaluation = (points: Record<string, number>, eligible = false, stored = []) => ({
    eligible,
    totalPoints: Object.values(points).reduce((a, b) => a + b, 0),
    points: new Map(Object.entries(points)),
    stored,
  });

  it('names a group below its minimum with its points out of its maximum, even at the pass mark', () => {
    const sut = ineligibilityReasons(
      set,
      evaluation({ '1.1': 30, '1.2': 30, '2.2': 0, '2.1': 0, '3.1': 10 }),
    );
    expect(sut).toEqual([
      {
        key: 'review.reason.groupBelowMinimum',
        params: { group: 'Kỹ năng sử dụng công cụ', points: 0, maxPoints: 30, minPoints: 10 },
      },
    ]);
    expect(translateRef('vi', sut[0])).toBe(
      'Nhóm “Kỹ năng sử dụng công cụ” đạt 0/30 điểm, dưới mức tối thiểu 10 điểm.',
    );
  });

  it('gives the total below the pass mark first, then each group short of its minimum', () => {
    const sut = ineligibilityReasons(set, evaluation({ '1.1': 30, '2.2': 8 }));
    expect(sut.map((r) => translateRef('vi', r))).toEqual([
      'Tổng điểm 38 dưới điểm chuẩn 70 (thiếu 32 điểm).',
      'Nhóm “Kỹ năng sử dụng công cụ” đạt 8/30 điểm, dưới mức tối thiểu 10 điểm.',
    ]);
  });

  it('keeps the other reasons the evaluation stored, once, and replaces its own kinds', () => {
    const stored = [
      { key: 'citizenship.reason.belowPassMark', params: { total: 38, passMark: 70, missing: 32 } },
      { key: 'citizenship.missing.plan' },
      { key: 'citizenship.missing.plan' },
    ];
    const sut = ineligibilityReasons(set, { ...evaluation({ '1.1': 30, '2.1': 10 }), stored });
    expect(sut.map((r) => r.key)).toEqual(['review.reason.belowPassMark', 'citizenship.missing.plan']);
  });

  it('says nothing for an eligible evaluation, and that no reason was recorded when nothing explains it', () => {
    expect(ineligibilityReasons(set, evaluation({ '1.1': 30, '1.2': 30, '2.1': 20 }, true))).toEqual([]);
    expect(ineligibilityReasons(set, evaluation({ '1.1': 30, '1.2': 30, '2.1': 20 }))).toEqual([
      { key: 'review.reason.unexplained' },
    ]);
    // Without the criteria version, the stored reasons are all there is.
    const stored = [
      { key: 'citizenship.reason.belowPassMark', params: { total: 1, passMark: 70, missing: 69 } },
    ];
    expect(ineligibilityReasons(null, { ...evaluation({}), stored })).toEqual(stored);
  });
});
