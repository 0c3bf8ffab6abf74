import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  DataSubject,
  PersonalDataProvider,
  PersonalDataProviders,
  PersonalRow,
} from '../common/personal-data/personal-data-providers';
import { PiiAccessLog } from './pii-access-log.service';

/**
 * Who saw the person's full CCCD: the role, organisation and when (never the viewer's name). Kept
 * on anonymisation: it is the record that the law was followed.
 */
@Injectable()
export class PiiAccessPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly tables = ['pii_access_log'];

  constructor(
    private readonly providers: PersonalDataProviders,
    private readonly log: PiiAccessLog,
  ) {}

  onModuleInit(): void {
    this.providers.register(this);
  }

  async export(subject: DataSubject): Promise<Record<string, PersonalRow[]>> {
    if (subject.workerId === null) return { accessLog: [] };
    const entries = await this.log.allFor(subject.workerId);
    return {
      accessLog: entries.map((a) => ({
        at: a.at,
        action: a.action,
        viewer_role: a.viewerRole,
        organisation: a.organisation,
        reason: a.reason,
      })),
    };
  }

  anonymise(): Promise<void> {
    return Promise.resolve();
  }
}
