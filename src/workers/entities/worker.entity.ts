import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum Gender {
  Male = 'MALE',
  Female = 'FEMALE',
  Other = 'OTHER',
}

export const GENDERS = Object.values(Gender);

/**
 * A person: national, belonging to no enterprise (enterprises hold employments). The CCCD is kept
 * only encrypted, with a keyed hash (blind index) to find and de-duplicate people without
 * decrypting; it is decrypted only where shown. Identity (CCCD, name, date of birth, gender) is
 * changed only under the rules of identity.ts; contact data belongs to each employment.
 */
@Entity('workers')
export class Worker {
  @PrimaryGeneratedColumn() id: number;
  @Column() fullName: string;
  /** Name folded for accent-insensitive search (see foldVietnamese). */
  @Column() searchKey: string;
  @Column({ type: 'date', utc: true }) dateOfBirth: string;
  @Column({ type: 'varchar' }) gender: Gender;
  @Column() cccdEncrypted: string;
  @Column() cccdHash: string;
  /** The worker's own login, created when an officer first issues an activation code. */
  @Column({ type: 'integer', nullable: true }) userId: number | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
