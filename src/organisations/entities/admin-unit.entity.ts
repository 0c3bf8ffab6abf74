import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum AdminUnitKind {
  Province = 'PROVINCE',
  City = 'CITY',
  District = 'DISTRICT',
  Ward = 'WARD',
  Commune = 'COMMUNE',
  /** Thị trấn: a district's town, a commune-level unit until 01/07/2025. */
  Township = 'TOWNSHIP',
  SpecialZone = 'SPECIAL_ZONE',
}

/** The kinds of the lowest level, where an enterprise is located. */
export const COMMUNE_LEVEL_KINDS: AdminUnitKind[] = [
  AdminUnitKind.Ward,
  AdminUnitKind.Commune,
  AdminUnitKind.Township,
  AdminUnitKind.SpecialZone,
];

/**
 * A node of the administrative tree (province → district → commune, or province → commune after
 * 1/7/2025). `path` holds the ids from the root ("/1/5/") so a subtree is one LIKE 'prefix%'.
 * validFrom/validTo bound the period in which the unit existed; null means open-ended.
 */
@Entity('admin_units')
export class AdminUnit {
  @PrimaryGeneratedColumn() id: number;
  @Column() code: string;
  @Column() name: string;
  @Column() searchKey: string;
  @Column({ type: 'varchar' }) kind: AdminUnitKind;
  @Column({ type: 'integer', nullable: true }) parentId: number | null;
  @Column() path: string;
  @Column() depth: number;
  @Column({ type: 'date', nullable: true }) validFrom: string | null;
  @Column({ type: 'date', nullable: true }) validTo: string | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
