import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { decimalNumber } from '../../database/transformers';

/** Issued once per completed enrolment; the random code is what the QR code and the public check use. */
@Entity('course_certificates')
export class CourseCertificate {
  @PrimaryGeneratedColumn() id: number;
  @Column() code: string;
  @Column() enrolmentId: number;
  @Column() workerId: number;
  @Column() courseId: number;
  @Column({ type: 'decimal', precision: 6, scale: 2, transformer: decimalNumber }) hours: number;
  @Column({ type: 'datetime', precision: 3 }) issuedAt: Date;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
