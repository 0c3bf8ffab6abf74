import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum GoodModelStatus {
  Draft = 'DRAFT',
  Published = 'PUBLISHED',
}

/** A good model ("mô hình tốt, cách làm hay"): a story of an enterprise, published by the federation. */
@Entity('good_models')
export class GoodModel {
  @PrimaryGeneratedColumn() id: number;
  @Column() enterpriseId: number;
  @Column() title: string;
  /** Plain text; paragraphs are separated by blank lines and shown as paragraphs, never as HTML. */
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'integer', nullable: true }) imageFileId: number | null;
  @Column({ type: 'varchar' }) status: GoodModelStatus;
  @Column({ type: 'datetime', nullable: true, precision: 3 }) publishedAt: Date | null;
  @Column() createdBy: number;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
