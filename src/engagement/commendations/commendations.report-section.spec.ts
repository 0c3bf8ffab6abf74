import { ReportSections } from '../../common/report-sections/report-sections';
import { CommendationsReportSection } from './commendations.report-section';
import { CommendationsService, HonourRollEntry } from './commendations.service';
import { CommendationKind } from './entities/commendation.entity';
import { GoodModelsService } from './good-models.service';

describe(CommendationsReportSection.name, () => {
  const honourRoll = jest.fn();
  const publishedIn = jest.fn();
  const sut = new CommendationsReportSection(
    new ReportSections(),
    { honourRoll } as unknown as CommendationsService,
    { publishedIn } as unknown as GoodModelsService,
  );

  const entry = (name: string, kind: CommendationKind, unitName: string): HonourRollEntry => ({
    kind,
    honoureeName: name,
    workerName: kind === CommendationKind.Child ? 'Cha mẹ' : name,
    childSchool: null,
    enterpriseName: 'Công ty Tâm Phát',
    unitName,
    achievement: 'Thành tích',
  });

  beforeEach(() => {
    honourRoll.mockReset();
    publishedIn.mockReset();
  });

  it('registers as "commendations" with order 40', () => {
    expect([sut.key, sut.order]).toEqual(['commendations', 40]);
  });

  it('counts approved workers and children per commune, lists them and the models published that year', async () => {
    honourRoll.mockResolvedValue([
      entry('Lê Thị Mai', CommendationKind.Worker, 'Xã Cư Jút'),
      entry('Trần Minh An', CommendationKind.Child, 'Xã Cư Jút'),
      entry('Phạm Văn Hùng', CommendationKind.Worker, 'Phường Gia Nghĩa'),
    ]);
    publishedIn.mockResolvedValue([{ title: 'Tủ sách công nhân', enterpriseName: 'Công ty Tâm Phát' }]);
    const section = await sut.section({ year: 2026, unitId: null });
    expect(honourRoll).toHaveBeenCalledWith(2026, null);
    expect(publishedIn).toHaveBeenCalledWith(2026, null);
    const [counts, roll, models] = section!.tables;
    expect(counts.rows).toEqual([
      ['Xã Cư Jút', 1, 1],
      ['Phường Gia Nghĩa', 1, 0],
      ['Tổng cộng', 2, 1],
    ]);
    expect(roll.rows.map((r) => r[0])).toEqual(['Lê Thị Mai', 'Trần Minh An', 'Phạm Văn Hùng']);
    expect(roll.rows[1][1]).toBe('Con CNLĐ học giỏi');
    expect(models.rows).toEqual([['Tủ sách công nhân', 'Công ty Tâm Phát']]);
  });

  it('shows only the models when nobody was commended, and nothing when there is neither', async () => {
    honourRoll.mockResolvedValue([]);
    publishedIn.mockResolvedValue([{ title: 'Mô hình', enterpriseName: 'Công ty A' }]);
    expect((await sut.section({ year: 2026, unitId: 5 }))!.tables.map((t) => t.caption)).toEqual([
      'commendations.report.modelsCaption',
    ]);
    publishedIn.mockResolvedValue([]);
    expect(await sut.section({ year: 2026, unitId: 5 })).toBeNull();
  });
});
