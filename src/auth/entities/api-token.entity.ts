import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A personal API token: only its SHA-256 is stored; the prefix lets its owner recognise it. */
@Entity('api_tokens')
export class ApiToken {
  @PrimaryGeneratedColumn() id: number;
  @Column() userId: number;
  @Column() name: string;
  @Column({ select: false }) tokenHash: string;
  @Column() tokenPrefix: string;
  @Column({ type: 'datetime', nullable: true }) lastUsedAt: Date | null;
  @Column({ type: 'datetime', nullable: true }) expiresAt: Date | null;
  @Column({ type: 'datetime', nullable: true }) revokedAt: Date | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
