import {
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { decimalNumber } from '../../database/transformers';
import { LearningDomain } from '../../learning-records/entities/learning-domain.entity';
import { Lesson } from './lesson.entity';

export enum CourseStatus {
  Draft = 'DRAFT',
  Published = 'PUBLISHED',
  Archived = 'ARCHIVED',
}

export enum CourseLevel {
  Beginner = 'BEGINNER',
  Intermediate = 'INTERMEDIATE',
  Advanced = 'ADVANCED',
}

/** Licences a course or material may carry (Creative Commons 4.0, public domain, or none granted). */
export enum Licence {
  CcBy = 'CC-BY-4.0',
  CcBySa = 'CC-BY-SA-4.0',
  CcByNd = 'CC-BY-ND-4.0',
  CcByNc = 'CC-BY-NC-4.0',
  CcByNcSa = 'CC-BY-NC-SA-4.0',
  CcByNcNd = 'CC-BY-NC-ND-4.0',
  Cc0 = 'CC0-1.0',
  PublicDomain = 'PUBLIC-DOMAIN',
  AllRightsReserved = 'ALL-RIGHTS-RESERVED',
}

/** A licence's canonical URL, for schema.org `license` and links on screen. */
export const LICENCE_URL: Record<Licence, string | null> = {
  [Licence.CcBy]: 'https://creativecommons.org/licenses/by/4.0/',
  [Licence.CcBySa]: 'https://creativecommons.org/licenses/by-sa/4.0/',
  [Licence.CcByNd]: 'https://creativecommons.org/licenses/by-nd/4.0/',
  [Licence.CcByNc]: 'https://creativecommons.org/licenses/by-nc/4.0/',
  [Licence.CcByNcSa]: 'https://creativecommons.org/licenses/by-nc-sa/4.0/',
  [Licence.CcByNcNd]: 'https://creativecommons.org/licenses/by-nc-nd/4.0/',
  [Licence.Cc0]: 'https://creativecommons.org/publicdomain/zero/1.0/',
  [Licence.PublicDomain]: 'https://creativecommons.org/publicdomain/mark/1.0/',
  [Licence.AllRightsReserved]: null,
};

/** An online course published by a training institution. */
@Entity('courses')
export class Course {
  @PrimaryGeneratedColumn() id: number;
  @Column() institutionId: number;
  @Column() title: string;
  @Column() searchKey: string;
  @Column({ type: 'text', nullable: true }) summary: string | null;
  @Column({ type: 'varchar' }) level: CourseLevel;
  @Column({ type: 'decimal', precision: 6, scale: 2, transformer: decimalNumber }) estimatedHours: number;
  @Column() language: string;
  @Column({ type: 'varchar' }) licence: Licence;
  @Column({ type: 'integer', nullable: true }) coverFileId: number | null;
  @Column({ type: 'varchar' }) status: CourseStatus;
  @Column({ type: 'datetime', nullable: true }) publishedAt: Date | null;
  @Column({ type: 'datetime', nullable: true }) archivedAt: Date | null;
  @Column({ type: 'integer', nullable: true }) createdBy: number | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;

  @ManyToMany(() => LearningDomain)
  @JoinTable({
    name: 'course_domains',
    joinColumn: { name: 'course_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'domain_code', referencedColumnName: 'code' },
  })
  domains: LearningDomain[];

  @OneToMany(() => Lesson, (lesson) => lesson.course)
  lessons?: Lesson[];
}
