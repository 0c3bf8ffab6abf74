import { Injectable } from '@nestjs/common';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { Page, PageQuery } from '../common/http/pagination';
import { vietnamDayEnd, vietnamDayStart } from '../common/time/vietnam-time';
import { PiiAccessLog } from '../pii-access/pii-access-log.service';
import { PiiAccessView } from '../pii-access/pii-access.repository';
import { WorkersService } from '../workers/workers.service';

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
    private readonly workers: WorkersService,
  ) {}

  async byWorkerId(
    workerId: number,
    range: { from?: string; to?: string },
    query: PageQuery,
  ): Promise<WorkerAccessReport> {
    const worker = await this.workers.label(workerId);
    if (!worker) throw new OutOfScopeException();
    const page = await this.accessLog.page(
      {
        workerId,
        from: range.from ? vietnamDayStart(range.from) : undefined,
        to: range.to ? vietnamDayEnd(range.to) : undefined,
      },
      query,
    );
    return {
      worker,
      from: range.from ?? null,
      to: range.to ?? null,
      page,
    };
  }

  /** The worker with this CCCD (matched by its keyed hash), or null. */
  workerIdByCccd(cccd: string): Promise<number | null> {
    return this.workers.idByCccd(cccd);
  }
}
