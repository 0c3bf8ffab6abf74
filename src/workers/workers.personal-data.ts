import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Anonymisation,
  ANONYMOUS,
  DataSubject,
  PersonalDataProvider,
  PersonalDataProviders,
  PersonalRow,
} from '../common/personal-data/personal-data-providers';
import { foldVietnamese } from '../common/text/vietnamese';
import { dateTimeParam } from '../database/dialect';
import { EnterprisesService } from '../organisations/enterprises.service';

/**
 * What the workers domain keeps about a person: their profile (national identity), their
 * employments with each enterprise's contact data, and their identity reconciliation requests.
 * Anonymisation replaces the identity and clears contacts and codes; the employments stay, since
 * the indicators count them.
 */
@Injectable()
export class WorkersPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly tables = ['workers', 'employments', 'identity_reconciliations'];

  constructor(
    private readonly providers: PersonalDataProviders,
    @InjectDataSource() private readonly db: DataSource,
    private readonly enterprises: EnterprisesService,
  ) {}

  onModuleInit(): void {
    this.providers.register(this);
  }

  async export(subject: DataSubject): Promise<Record<string, PersonalRow[]>> {
    if (subject.workerId === null) return { profile: [], employments: [], identityReconciliations: [] };
    const id = subject.workerId;
    const [profile, employments, reconciliations] = await Promise.all([
      this.db.query('SELECT * FROM workers WHERE id = ?', [id]),
      this.db.query('SELECT * FROM employments WHERE worker_id = ? ORDER BY start_date, id', [id]),
      this.db.query(
        `SELECT id, enterprise_id, full_name, date_of_birth, gender, start_date, end_date, status, decision_reason,
                created_at, decided_at
         FROM identity_reconciliations WHERE worker_id = ? ORDER BY id`,
        [id],
      ),
    ]);
    const names = await this.enterprises.namesOf(
      [...employments, ...reconciliations].map((r: PersonalRow) => Number(r.enterprise_id)),
    );
    const withEnterprise = (rows: PersonalRow[], taxCode: boolean) =>
      rows.map((r) => {
        const enterprise = names.get(Number(r.enterprise_id));
        return {
          ...r,
          enterprise_name: enterprise?.name ?? null,
          ...(taxCode ? { enterprise_tax_code: enterprise?.taxCode ?? null } : {}),
        };
      });
    return {
      profile,
      employments: withEnterprise(employments, true),
      identityReconciliations: withEnterprise(reconciliations, false),
    };
  }

  async anonymise(manager: EntityManager, subject: DataSubject, how: Anonymisation): Promise<void> {
    const workerId = subject.workerId;
    if (workerId === null) return;
    const at = dateTimeParam(manager.connection, how.when);
    await manager.query(
      `UPDATE workers SET full_name = ?, search_key = ?, date_of_birth = ?, cccd_encrypted = ?, cccd_hash = ?,
              anonymised_at = ?, updated_at = ? WHERE id = ?`,
      [
        ANONYMOUS.fullName(workerId),
        foldVietnamese(ANONYMOUS.fullName(workerId)),
        ANONYMOUS.dateOfBirth,
        how.cccdPlaceholderEncrypted,
        ANONYMOUS.cccdHash(workerId),
        at,
        at,
        workerId,
      ],
    );
    await manager.query(
      'UPDATE employments SET employee_code = NULL, phone = NULL, email = NULL WHERE worker_id = ?',
      [workerId],
    );
    await manager.query(
      `UPDATE identity_reconciliations SET full_name = ?, date_of_birth = ?, employee_code = NULL, phone = NULL,
              email = NULL WHERE worker_id = ?`,
      [ANONYMOUS.fullName(workerId), ANONYMOUS.dateOfBirth, workerId],
    );
  }
}
