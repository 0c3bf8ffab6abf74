import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { CampaignItem, CampaignItemKind } from './entities/campaign-item.entity';
import { CampaignUnit } from './entities/campaign-unit.entity';
import { Campaign } from './entities/campaign.entity';

export interface NewCampaign {
  campaign: Pick<Campaign, 'title' | 'theme' | 'startsOn' | 'endsOn' | 'reading' | 'createdBy'>;
  unitIds: number[];
  items: { kind: CampaignItemKind; itemId: number; title: string }[];
}

/** Campaigns, their target units and linked items. Campaigns are few (dozens a year per province). */
@Injectable()
export class CampaignsRepository {
  constructor(
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    @InjectRepository(CampaignUnit) private readonly units: Repository<CampaignUnit>,
    @InjectRepository(CampaignItem) private readonly items: Repository<CampaignItem>,
  ) {}

  async insert(manager: EntityManager, row: NewCampaign): Promise<Campaign> {
    const campaign = await manager.getRepository(Campaign).save(manager.create(Campaign, row.campaign));
    await this.replaceLinks(manager, campaign.id, row);
    return campaign;
  }

  async update(manager: EntityManager, id: number, row: NewCampaign): Promise<void> {
    const { createdBy: _createdBy, ...values } = row.campaign;
    await manager.getRepository(Campaign).update(id, values);
    await manager.getRepository(CampaignUnit).delete({ campaignId: id });
    await manager.getRepository(CampaignItem).delete({ campaignId: id });
    await this.replaceLinks(manager, id, row);
  }

  private async replaceLinks(manager: EntityManager, campaignId: number, row: NewCampaign): Promise<void> {
    if (row.unitIds.length > 0)
      await manager.getRepository(CampaignUnit).insert(row.unitIds.map((unitId) => ({ campaignId, unitId })));
    if (row.items.length > 0)
      await manager.getRepository(CampaignItem).insert(row.items.map((item) => ({ campaignId, ...item })));
  }

  findById(id: number): Promise<Campaign | null> {
    return this.campaigns.findOneBy({ id });
  }

  /** Campaigns overlapping [from, to], latest start first. */
  overlapping(from: string, to: string, skip = 0, take = 500): Promise<[Campaign[], number]> {
    return this.campaigns
      .createQueryBuilder('c')
      .where('c.starts_on <= :to AND c.ends_on >= :from', { from, to })
      .orderBy('c.starts_on', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .skip(skip)
      .take(take)
      .getManyAndCount();
  }

  /** Target unit ids per campaign. */
  async unitsOf(campaignIds: number[]): Promise<Map<number, number[]>> {
    const result = new Map<number, number[]>(campaignIds.map((id) => [id, []]));
    if (campaignIds.length === 0) return result;
    const rows = await this.units.find({ where: { campaignId: In(campaignIds) }, order: { id: 'ASC' } });
    for (const r of rows) result.get(r.campaignId)?.push(r.unitId);
    return result;
  }

  itemsOf(campaignId: number): Promise<CampaignItem[]> {
    return this.items.find({ where: { campaignId }, order: { kind: 'ASC', title: 'ASC' } });
  }
}
