import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An administrative unit a campaign targets: every enterprise located in its subtree takes part. */
@Entity('campaign_units')
export class CampaignUnit {
  @PrimaryGeneratedColumn() id: number;
  @Column() campaignId: number;
  @Column() unitId: number;
}
