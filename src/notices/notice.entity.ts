import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

const json = {
  to: (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v)),
  from: (v: string | null) => (v ? JSON.parse(v) : null),
};

/** An in-app notice for one user, shown in their language (message key + parameters). */
@Entity('notices')
export class Notice {
  @PrimaryGeneratedColumn() id: number;
  @Column() userId: number;
  @Column() messageKey: string;
  @Column({ type: 'varchar', nullable: true, transformer: json }) params: Record<
    string,
    string | number
  > | null;
  @Column({ type: 'varchar', nullable: true }) link: string | null;
  /** The same event never notifies twice (e.g. "recognised:<applicationId>"). */
  @Column({ type: 'varchar', nullable: true }) dedupeKey: string | null;
  @Column({ type: 'datetime', nullable: true }) readAt: Date | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
