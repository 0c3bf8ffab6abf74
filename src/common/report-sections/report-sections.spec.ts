import { ReportSection, ReportSectionProvider, ReportSections } from './report-sections';

describe(ReportSections.name, () => {
  const section = (key: string, rows = 1): ReportSection => ({
    key,
    title: `${key}.title`,
    tables: rows === 0 ? [] : [{ caption: `${key}.caption`, columns: [{ label: 'c' }], rows: [['x']] }],
  });
  const provider = (key: string, order: number, answer: ReportSection | null): ReportSectionProvider => ({
    key,
    order,
    section: jest.fn(async () => answer),
  });

  it('collects the sections in their order, whatever the order they were registered in', async () => {
    const sut = new ReportSections();
    sut.register(provider('support', 50, section('support')));
    sut.register(provider('surveys', 10, section('surveys')));
    sut.register(provider('campaigns', 20, section('campaigns')));
    const sections = await sut.collect({ year: 2025, unitId: null });
    expect(sections.map((s) => s.key)).toEqual(['surveys', 'campaigns', 'support']);
  });

  it('leaves out a domain with nothing to say: no section, or a section without tables', async () => {
    const sut = new ReportSections();
    const silent = provider('silent', 1, null);
    sut.register(silent);
    sut.register(provider('empty', 2, section('empty', 0)));
    sut.register(provider('said', 3, section('said')));
    expect((await sut.collect({ year: 2025, unitId: 7 })).map((s) => s.key)).toEqual(['said']);
    expect(silent.section).toHaveBeenCalledWith({ year: 2025, unitId: 7 });
  });

  it('refuses the same key twice', () => {
    const sut = new ReportSections();
    sut.register(provider('surveys', 10, null));
    expect(() => sut.register(provider('surveys', 11, null))).toThrow(
      'Report section "surveys" is registered twice',
    );
  });
});
