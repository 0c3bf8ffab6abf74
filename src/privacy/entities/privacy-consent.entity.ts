import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person accepted one version of the privacy notice, at this moment. */
@Entity('privacy_consents')
export class PrivacyConsent {
  @PrimaryGeneratedColumn() id: number;
  @Column() userId: number;
  @Column() noticeVersion: number;
  @Column({ type: 'datetime', precision: 3 }) acceptedAt: Date;
}
