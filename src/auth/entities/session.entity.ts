import { Column, DeleteDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { ISession } from 'connect-typeorm';

/** Server-side sessions of the embedded default (production keeps them in Redis). */
@Entity('sessions')
export class Session implements ISession {
  @PrimaryColumn('varchar', { length: 255 }) id: string;
  @Column('bigint', {
    name: 'expiredAt',
    transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) },
  })
  expiredAt: number;
  @Column('text', { name: 'json' }) json: string;
  /** connect-typeorm marks destroyed sessions instead of deleting them at once. */
  @DeleteDateColumn({ name: 'destroyedAt', type: 'datetime', precision: 3, nullable: true })
  destroyedAt?: Date;
}
