import { expectedOn, IndicatorStatus, statusOf, Trend } from './trajectory';

const T2025 = { reviewDate: '2025-12-31', percent: 70 };
const T2030 = { reviewDate: '2030-12-31', percent: 90 };
const trend = (asOf: string, startPercent = 10): Trend => ({ asOf, startDate: '2023-01-01', startPercent });

describe('status against the targets', () => {
  it('draws a straight path from the start value to the 2025 target, then on to 2030', () => {
    expect(expectedOn('2023-01-01', trend('2023-01-01'), [T2025, T2030])).toBe(10);
    expect(expectedOn('2025-12-31', trend('2025-12-31'), [T2025, T2030])).toBe(70);
    // Half-way in time between 01/01/2023 and 31/12/2025 (1095 days): half-way from 10 to 70.
    expect(expectedOn('2024-07-02', trend('2024-07-02'), [T2025, T2030])).toBeCloseTo(40, 0);
    expect(expectedOn('2030-12-31', trend('2030-12-31'), [T2025, T2030])).toBe(90);
    expect(expectedOn('2031-06-30', trend('2031-06-30'), [T2025, T2030])).toBe(90);
    // Between the milestones: from 70 at the end of 2025 to 90 at the end of 2030.
    expect(expectedOn('2028-07-01', trend('2028-07-01'), [T2025, T2030])).toBeCloseTo(80, 0);
  });

  it('is ACHIEVED when the target of the milestone in play is reached', () => {
    expect(statusOf(72, T2025, T2030, trend('2025-06-30'))).toBe(IndicatorStatus.Achieved);
    expect(statusOf(70, T2025, T2030, trend('2025-12-31'))).toBe(IndicatorStatus.Achieved);
    // After 2025 the 2030 target is the one in play.
    expect(statusOf(72, T2025, T2030, trend('2026-06-30'))).not.toBe(IndicatorStatus.Achieved);
    expect(statusOf(90, T2025, T2030, trend('2031-01-15'))).toBe(IndicatorStatus.Achieved);
  });

  it('is ON_TRACK on or above the path, AT_RISK below it', () => {
    // On 02/07/2024 the path expects about 40%.
    expect(statusOf(41, T2025, T2030, trend('2024-07-02'))).toBe(IndicatorStatus.OnTrack);
    expect(statusOf(35, T2025, T2030, trend('2024-07-02'))).toBe(IndicatorStatus.AtRisk);
    // In mid-2028 about 80% is expected on the way to 90%.
    expect(statusOf(81, T2025, T2030, trend('2028-07-01'))).toBe(IndicatorStatus.OnTrack);
    expect(statusOf(75, T2025, T2030, trend('2028-07-01'))).toBe(IndicatorStatus.AtRisk);
  });

  it('uses whichever targets the plan has', () => {
    expect(statusOf(50, null, T2030, trend('2027-01-01', 0))).toBe(IndicatorStatus.OnTrack);
    expect(statusOf(20, null, T2030, trend('2027-01-01', 0))).toBe(IndicatorStatus.AtRisk);
    expect(statusOf(0, null, null, trend('2027-01-01'))).toBe(IndicatorStatus.OnTrack);
  });
});
