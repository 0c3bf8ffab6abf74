import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A commune a federation contest is aimed at: the enterprises located in it (or in a unit mapped
 * into it) take part, as a campaign's target units do. A contest without any is province-wide.
 */
@Entity('contest_units')
export class ContestUnit {
  @PrimaryGeneratedColumn() id: number;
  @Column() contestId: number;
  @Column() unitId: number;
}
