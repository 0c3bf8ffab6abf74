import {
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CourseStatus, Licence } from '../../catalog/entities/course.entity';
import { LearningDomain } from '../../learning-records/entities/learning-domain.entity';

/** A material is a file kept here, or a link to where it lives. */
export enum MaterialKind {
  File = 'FILE',
  Link = 'LINK',
}

/** Who wrote a material, as schema.org types its author: a person, or an organisation or team. */
export enum AuthorType {
  Person = 'PERSON',
  Organization = 'ORGANIZATION',
}

/** Materials go through the same life cycle as courses: draft → published → archived (→ published). */
export { CourseStatus as MaterialStatus };

/** An open learning material (học liệu mở) shared by a training institution. */
@Entity('learning_materials')
export class LearningMaterial {
  @PrimaryGeneratedColumn() id: number;
  @Column() institutionId: number;
  @Column() title: string;
  /** Folded title and keywords, for accent-insensitive search. */
  @Column() searchKey: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'varchar' }) kind: MaterialKind;
  @Column({ type: 'integer', nullable: true }) fileId: number | null;
  /** An https address, for a link. */
  @Column({ type: 'varchar', nullable: true }) url: string | null;
  @Column({ type: 'varchar' }) licence: Licence;
  @Column() author: string;
  @Column({ type: 'varchar' }) authorType: AuthorType;
  @Column() language: string;
  /** Comma-separated. */
  @Column({ type: 'varchar', nullable: true }) keywords: string | null;
  @Column({ type: 'varchar' }) status: CourseStatus;
  @Column() downloadCount: number;
  @Column({ type: 'datetime', nullable: true }) publishedAt: Date | null;
  @Column({ type: 'integer', nullable: true }) createdBy: number | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;

  @ManyToMany(() => LearningDomain)
  @JoinTable({
    name: 'material_domains',
    joinColumn: { name: 'material_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'domain_code', referencedColumnName: 'code' },
  })
  domains: LearningDomain[];
}
