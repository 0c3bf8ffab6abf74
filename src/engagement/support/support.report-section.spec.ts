import { ReportSections } from '../../common/report-sections/report-sections';
import { SupportReportSection } from './support.report-section';
import { SupportService } from './support.service';

describe(SupportReportSection.name, () => {
  const totalsForReport = jest.fn();
  const sections = new ReportSections();
  const sut = new SupportReportSection(sections, { totalsForReport } as unknown as SupportService);
  sut.onModuleInit();

  beforeEach(() => totalsForReport.mockReset());

  it('registers as "support", after the commendations (order 50)', () => {
    expect([sut.key, sut.order]).toEqual(['support', 50]);
    expect(() => sections.register(sut)).toThrow(/registered twice/);
  });

  it('gives the year’s totals per commune and a total row, for the unit asked', async () => {
    const commune = (unitName: string, n: number) => ({
      unitId: n,
      unitName,
      enterprises: n,
      fundsCommitted: n * 1_000_000,
      fundsSpent: n * 500_000,
      paidStudyHours: n * 10,
      withAgreement: 1,
      materialsSupplied: n * 3,
    });
    const communes = [commune('Xã Cư Jút', 1), commune('Phường Gia Nghĩa', 2)];
    totalsForReport.mockResolvedValue({
      communes,
      total: {
        enterprises: 3,
        fundsCommitted: 3_000_000,
        fundsSpent: 1_500_000,
        paidStudyHours: 30,
        withAgreement: 2,
        materialsSupplied: 9,
      },
    });
    const section = await sut.section({ year: 2026, unitId: 7 });
    expect(totalsForReport).toHaveBeenCalledWith(2026, 7);
    expect(section!.key).toBe('support');
    expect(section!.tables[0].columns[0]).toEqual({ label: 'support.col.commune', numeric: false });
    expect(section!.tables[0].rows).toEqual([
      ['Xã Cư Jút', 1, 1_000_000, 500_000, 10, 1, 3],
      ['Phường Gia Nghĩa', 2, 2_000_000, 1_000_000, 20, 1, 6],
      ['Tổng cộng', 3, 3_000_000, 1_500_000, 30, 2, 9],
    ]);
  });

  it('has nothing to say for a year without declarations', async () => {
    totalsForReport.mockResolvedValue({ communes: [], total: {} });
    expect(await sut.section({ year: 2025, unitId: null })).toBeNull();
  });
});
