import { ConflictException, Injectable, Logger } from '@nestjs/common';
import { Actor } from '../../common/access/actor';
import { OutOfScopeException } from '../../common/access/out-of-scope';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { FormError } from '../../common/errors/form-error';
import { Page, pageOf, PageQuery, pageWindow } from '../../common/http/pagination';
import { UnitOfWork } from '../../database/unit-of-work';
import { PrivacyRequest, PrivacyRequestKind, PrivacyRequestStatus } from '../entities/privacy-request.entity';
import {
  AfterCommit,
  ANONYMOUS,
  PersonalDataProviders,
} from '../../common/personal-data/personal-data-providers';
import { WorkersService } from '../../workers/workers.service';
import { UsersRepository } from '../../users/users.repository';
import { PrivacyRequestsRepository } from './privacy-requests.repository';
import { CORRECTION_MIN, DETAILS_MAX, dueDateOf } from './request-rules';

const clean = (text: string | undefined) => (text ?? '').trim();

/** A request as the admin's list shows it: who asked, by account and worker name. */
export interface RequestListItem extends PrivacyRequest {
  username: string;
  displayName: string;
  workerName: string | null;
}

/**
 * The data subject's requests: deletion (carried out as anonymisation) and correction, each recorded
 * with the day it must be answered by. The federation admin answers them.
 */
@Injectable()
export class PrivacyRequestsService {
  private readonly logger = new Logger('Privacy');

  constructor(
    private readonly requests: PrivacyRequestsRepository,
    private readonly providers: PersonalDataProviders,
    private readonly workers: WorkersService,
    private readonly pii: PiiCipher,
    private readonly unitOfWork: UnitOfWork,
    private readonly users: UsersRepository,
  ) {}

  /** A deletion request; asking again while one is open returns the open one. */
  async requestDeletion(actor: Actor, reason?: string): Promise<PrivacyRequest> {
    const details = clean(reason);
    if (details.length > DETAILS_MAX)
      throw FormError.field('reason', 'validation.maxLength', { max: DETAILS_MAX });
    const open = await this.requests.openOf(actor.userId, PrivacyRequestKind.Deletion);
    if (open) return open;
    return this.file(actor, PrivacyRequestKind.Deletion, details || null);
  }

  async requestCorrection(actor: Actor, text: string | undefined): Promise<PrivacyRequest> {
    const details = clean(text);
    if (details.length < CORRECTION_MIN)
      throw FormError.field('details', 'privacy.request.correctionTooShort', { min: CORRECTION_MIN });
    if (details.length > DETAILS_MAX)
      throw FormError.field('details', 'validation.maxLength', { max: DETAILS_MAX });
    return this.file(actor, PrivacyRequestKind.Correction, details);
  }

  mine(actor: Actor): Promise<PrivacyRequest[]> {
    return this.requests.listForUser(actor.userId);
  }

  async page(open: boolean, query: PageQuery): Promise<Page<RequestListItem>> {
    const { page, size, skip } = pageWindow(query);
    const [items, total] = await this.requests.page(open, skip, size);
    const [accounts, workerNames] = await Promise.all([
      this.users.namesOf(items.map((r) => r.userId)),
      this.workers.namesOf(items.map((r) => r.workerId).filter((id): id is number => id !== null)),
    ]);
    const listed = items.map((r) =>
      Object.assign(r, {
        username: accounts.get(r.userId)?.username ?? '',
        displayName: accounts.get(r.userId)?.displayName ?? '',
        workerName: (r.workerId !== null ? workerNames.get(r.workerId) : undefined) ?? null,
      }),
    );
    return pageOf(listed, total, page, size);
  }

  /**
   * Carries out a deletion request, all or nothing in one transaction: the request is closed (only
   * if still open, so two admins cannot both run it), the identity is replaced with placeholders,
   * the login is closed and the person's other open requests are answered.
   */
  async anonymise(actor: Actor, requestId: number): Promise<void> {
    const at = new Date();
    const placeholder = this.pii.encrypt(ANONYMOUS.cccd);
    let afterCommit: AfterCommit[] = [];
    await this.unitOfWork.run(async (manager) => {
      afterCommit = []; // a retried transaction (deadlock) starts over
      const request = await this.requests.findById(requestId, manager);
      if (!request || request.kind !== PrivacyRequestKind.Deletion) throw new OutOfScopeException();
      if (request.status !== PrivacyRequestStatus.Open)
        throw FormError.field('request', 'privacy.request.closed');
      if (
        !(await this.requests.close(manager, request.id, PrivacyRequestStatus.Done, actor.userId, at, null))
      )
        throw new ConflictException();
      // Each domain forgets the person in its own tables, all in this one transaction.
      const subject = { workerId: request.workerId, userId: request.userId };
      for (const provider of this.providers.all()) {
        const after = await provider.anonymise(manager, subject, {
          when: at,
          cccdPlaceholderEncrypted: placeholder,
        });
        if (after) afterCommit.push(after);
      }
      await this.requests.closeOthers(manager, request.userId, actor.userId, at, 'anonymised');
    });
    // Committed: now what a rollback could not have restored (files' bytes).
    for (const work of afterCommit) await work();
    // Ids only: the point was to forget who it was.
    this.logger.log({ event: 'personal_data_anonymised', requestId, by: actor.userId });
  }

  /** Answers a correction (done, after fixing the data) or refuses any request, with a reason. */
  async answer(actor: Actor, requestId: number, done: boolean, outcome: string | undefined): Promise<void> {
    const text = clean(outcome);
    if (!text) throw FormError.field('outcome', 'validation.required');
    if (text.length > DETAILS_MAX)
      throw FormError.field('outcome', 'validation.maxLength', { max: DETAILS_MAX });
    await this.unitOfWork.run(async (manager) => {
      const request = await this.requests.findById(requestId, manager);
      if (!request) throw new OutOfScopeException();
      // A deletion is "done" only by anonymising; here it can only be refused.
      if (done && request.kind === PrivacyRequestKind.Deletion)
        throw FormError.field('outcome', 'privacy.request.deleteByAnonymising');
      const status = done ? PrivacyRequestStatus.Done : PrivacyRequestStatus.Refused;
      if (!(await this.requests.close(manager, request.id, status, actor.userId, new Date(), text)))
        throw FormError.field('request', 'privacy.request.closed');
    });
  }

  private async file(
    actor: Actor,
    kind: PrivacyRequestKind,
    details: string | null,
  ): Promise<PrivacyRequest> {
    const requestedAt = new Date();
    return this.requests.create({
      userId: actor.userId,
      workerId: actor.workerId ?? (await this.workers.idOfUser(actor.userId)),
      kind,
      details,
      status: PrivacyRequestStatus.Open,
      requestedAt,
      dueOn: dueDateOf(requestedAt),
      handledBy: null,
      handledAt: null,
      outcome: null,
    });
  }
}
