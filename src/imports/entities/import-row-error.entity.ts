import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MessageRef } from '../../common/i18n/messages';

/**
 * One problem found in one row (or in the header; row 0 for the file as a whole). The reason is a
 * message key with parameters, translated when shown; no cell value is kept, so no personal data.
 */
@Entity('import_row_errors')
export class ImportRowError {
  @PrimaryGeneratedColumn() id: number;
  @Column() importId: number;
  @Column() rowNumber: number;
  /** The column's header as written in the file. */
  @Column({ type: 'varchar', nullable: true }) columnName: string | null;
  @Column() messageKey: string;
  @Column({
    type: 'varchar',
    nullable: true,
    transformer: {
      to: (v: MessageRef['params'] | null | undefined) =>
        v && Object.keys(v).length ? JSON.stringify(v) : null,
      from: (v: string | null) => (v ? (JSON.parse(v) as MessageRef['params']) : null),
    },
  })
  params: MessageRef['params'] | null;
}
