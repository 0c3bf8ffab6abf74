import { ReportSections } from '../../common/report-sections/report-sections';
import { EnterpriseScope, EnterpriseScopeService } from '../../organisations/enterprise-scope';
import { CampaignsReportSection } from './campaigns.report-section';
import { CampaignsService, CampaignView } from './campaigns.service';
import { Campaign } from './entities/campaign.entity';

const PATHS: Record<number, string> = { 1: '/1/', 5: '/1/5/', 6: '/1/6/' };

function campaign(id: number, title: string, reading: boolean, unitIds: number[]) {
  const row = { id, title, reading, startsOn: '2026-04-01', endsOn: '2026-04-30' } as Campaign;
  const view = {
    id,
    title,
    reading,
    units: unitIds.map((u) => ({ id: u, name: `Đơn vị ${u}` })),
  } as CampaignView;
  return { campaign: row, view };
}

function setup() {
  const campaigns = {
    ofYear: jest.fn(async () => [
      campaign(2, 'Tuần lễ học tập suốt đời', false, [1]),
      campaign(1, 'Ngày Sách', true, [6]),
    ]),
    participationIn: jest.fn(async (c: Campaign, _v: CampaignView, scope: EnterpriseScope) => ({
      total: c.id * 10 + scope.unitPaths.length,
      confirmedBookLogs: c.reading ? 4 : 0,
    })),
  };
  const scopes = { subtreePaths: jest.fn(async (ids: number[]) => ids.map((id) => PATHS[id])) };
  const sut = new CampaignsReportSection(
    new ReportSections(),
    campaigns as unknown as CampaignsService,
    scopes as unknown as EnterpriseScopeService,
  );
  return { sut, campaigns };
}

describe(CampaignsReportSection.name, () => {
  it('lists the year’s campaigns, oldest first, with participants and confirmed books for reading ones', async () => {
    const { sut } = setup();
    const section = await sut.section({ year: 2026, unitId: null });
    expect(section?.key).toBe('campaigns');
    expect(section?.tables[0].rows).toEqual([
      ['Ngày Sách', '01/04/2026 – 30/04/2026', 'Có', 11, 4],
      ['Tuần lễ học tập suốt đời', '01/04/2026 – 30/04/2026', 'Không', 21, null],
    ]);
  });

  it('counts a commune’s report inside the commune and leaves out campaigns that do not reach it', async () => {
    const { sut, campaigns } = setup();
    const section = await sut.section({ year: 2026, unitId: 5 });
    expect(section?.tables[0].rows.map((r) => r[0])).toEqual(['Tuần lễ học tập suốt đời']);
    expect(campaigns.participationIn).toHaveBeenCalledWith(
      expect.objectContaining({ id: 2 }),
      expect.anything(),
      { all: false, enterpriseIds: [], unitPaths: ['/1/5/'] },
    );
  });

  it('says nothing for a year without campaigns', async () => {
    const { sut, campaigns } = setup();
    campaigns.ofYear.mockResolvedValueOnce([]);
    expect(await sut.section({ year: 2020, unitId: null })).toBeNull();
  });
});
