import { Injectable } from '@nestjs/common';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { Page, PageQuery } from '../common/http/pagination';
import { vietnamDayEnd, vietnamDayStart } from '../common/time/vietnam-time';
import { maskCccd } from '../common/validation/cccd';
import { PiiAccessLog } from './access-log/pii-access-log.service';
import { PiiAccessView } from './access-log/pii-access.repository';
import { PersonalDataRepository } from './personal-data/personal-data.repository';

export interface WorkerAccessReport {
  worker: { id: number; fullName: string; cccdMasked: string };
  from: string | null;
  to: string | null;
  page: Page<PiiAccessView>;
}

/** "Who viewed this worker's data between two dates", for the federation and system admins. */
@Injectable()
export class PrivacyAdminService {
  constructor(
    private readonly accessLog: PiiAccessLog,
    private readonly data: PersonalDataRepository,
    private readonly pii: PiiCipher,
  ) {}

  async byWorkerId(
    workerId: number,
    range: { from?: string; to?: string },
    query: PageQuery,
  ): Promise<WorkerAccessReport> {
    const row = await this.data.worker(workerId);
    if (!row) throw new OutOfScopeException();
    const page = await this.accessLog.page(
      {
        workerId,
        from: range.from ? vietnamDayStart(range.from) : undefined,
        to: range.to ? vietnamDayEnd(range.to) : undefined,
      },
      query,
    );
    return {
      worker: {
        id: workerId,
        fullName: String(row.full_name),
        cccdMasked: maskCccd(this.pii.decrypt(String(row.cccd_encrypted))),
      },
      from: range.from ?? null,
      to: range.to ?? null,
      page,
    };
  }

  /** The worker with this CCCD (matched by its keyed hash), or null. */
  workerIdByCccd(cccd: string): Promise<number | null> {
    return this.data.workerIdByCccdHash(this.pii.blindIndex(cccd));
  }
}
