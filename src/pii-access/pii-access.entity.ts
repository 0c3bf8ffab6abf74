import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum PiiAccessAction {
  /** The full number shown on the worker's page or returned by the API. */
  Reveal = 'REVEAL',
  /** The full number written into a roster export. */
  Export = 'EXPORT',
}

/**
 * One showing of a worker's full CCCD: who (user, the role and scope that allowed it), when, which
 * worker, through which route. The number itself is never copied here.
 */
@Entity('pii_access_log')
export class PiiAccess {
  @PrimaryGeneratedColumn() id: number;
  @Column() workerId: number;
  @Column() viewerUserId: number;
  @Column() viewerRole: string;
  @Column() viewerScopeType: string;
  @Column({ type: 'integer', nullable: true }) viewerScopeId: number | null;
  @Column({ type: 'varchar' }) action: PiiAccessAction;
  @Column() route: string;
  /** Why the numbers were needed, as the officer wrote it (full roster exports). */
  @Column({ type: 'varchar', nullable: true }) reason: string | null;
  @Column({ type: 'datetime', precision: 3 }) at: Date;
}
