import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DomainCode } from '../learning-domains';

@Entity('learning_domains')
export class LearningDomain {
  @PrimaryColumn({ type: 'varchar' }) code: DomainCode;
  @Column() nameVi: string;
  @Column() nameEn: string;
  @Column() sortOrder: number;
}
