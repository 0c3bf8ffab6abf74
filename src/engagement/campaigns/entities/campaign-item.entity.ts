import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum CampaignItemKind {
  Course = 'COURSE',
  Material = 'MATERIAL',
  Session = 'SESSION',
}

export const CAMPAIGN_ITEM_KINDS = Object.values(CampaignItemKind);

/**
 * A course, open learning material or in-person session a campaign links to. The title is kept as
 * it was when linked, so the campaign page needs no other domain to show it.
 */
@Entity('campaign_items')
export class CampaignItem {
  @PrimaryGeneratedColumn() id: number;
  @Column() campaignId: number;
  @Column({ type: 'varchar' }) kind: CampaignItemKind;
  @Column() itemId: number;
  @Column() title: string;
}
