import { FiguresChanged } from '../../common/events/figures-changed';
import { Actor } from '../../common/access/actor';
import { OutOfScopeException } from '../../common/access/out-of-scope';
import { Role, ScopeType } from '../../common/access/roles';
import { UnitOfWork } from '../../database/unit-of-work';
import { AnswerReview, ApplicationStatus, CitizenshipApplication } from '../entities/application.entity';
import { CitizenshipEvaluation } from '../entities/evaluation.entity';
import { Recognition } from '../entities/recognition.entity';
import { CitizenshipApplicationsService } from '../applications/citizenship-applications.service';
import { AssociationReviewService } from './association-review.service';
import { FunnelService, totalOf } from './funnel.service';
import { eachApplication, OfficerReviewService } from './officer-review.service';
import { ReviewAccess } from './review-access.service';
import { ReviewAuditAction, ReviewJournal } from './review-journal';
import { ReviewRefused } from './review-refused';
import { FunnelGroupRow, ReviewRepository } from './review.repository';
import { funnelColumns, funnelLines } from './review.presenters';
import { EnterpriseScopeService } from '../../organisations/enterprise-scope';
import { registerMessages } from '../../common/i18n/i18n';
import { reviewMessages } from './review.messages';

registerMessages(reviewMessages);

const reviewer = new Actor(7, 'Hội Khuyến học', [
  { role: Role.AssociationReviewer, scopeType: ScopeType.Branch, scopeId: 3 },
]);
const officer = new Actor(8, 'Công đoàn', [
  { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: 9 },
]);

/** An in-memory application and the repository calls the services make on it. */
function fixture(status: ApplicationStatus, eligible: boolean | null = true, answers: AnswerReview[] = []) {
  const application = {
    id: 5,
    workerId: 42,
    year: 2025,
    criteriaSetId: 1,
    status,
    enterpriseId: 9,
  } as CitizenshipApplication;
  const recognitions: Recognition[] = [];
  const answerRows = answers.map((reviewStatus, i) => ({
    criterionCode: `1.${i + 1}`,
    reviewStatus,
    reviewComment: null,
  }));
  const repository = {
    findApplication: jest.fn(async () => ({ ...application })),
    answersOf: jest.fn(async () => answerRows),
    evaluationOf: jest.fn(async () =>
      eligible === null ? null : ({ eligible, criteriaSetId: 2, totalPoints: 85 } as CitizenshipEvaluation),
    ),
    transition: jest.fn(
      async (_m: unknown, _id: number, from: ApplicationStatus[], fields: { status: ApplicationStatus }) => {
        if (!from.includes(application.status)) return false;
        application.status = fields.status;
        return true;
      },
    ),
    confirmPendingAnswers: jest.fn(async () => ['1.1']),
    lastCertificateNumber: jest.fn(async () => 'CDHT-2025-3-000041'),
    insertRecognition: jest.fn(async (_m: unknown, fields: Partial<Recognition>) => {
      const recognition = { id: 100 + recognitions.length, ...fields } as Recognition;
      recognitions.push(recognition);
      return recognition;
    }),
    recognitionOf: jest.fn(async () => recognitions[0] ?? null),
    revokeRecognition: jest.fn(async () => true),
    setAnswerReview: jest.fn(),
  };
  const access = {
    forReviewer: jest.fn(async (actor: Actor) => {
      if (actor !== reviewer) throw new OutOfScopeException();
      return application;
    }),
    forOfficer: jest.fn(async (actor: Actor) => {
      if (actor !== officer) throw new OutOfScopeException();
      return application;
    }),
    issuingBranch: jest.fn(async () => ({ id: 3, name: 'Hội Khuyến học huyện Cư Jút' })),
    officerScope: jest.fn(),
    reviewerScope: jest.fn(),
  };
  const unitOfWork = { run: jest.fn((work: (m: unknown) => Promise<unknown>) => work({})) };
  const journal = { write: jest.fn(async () => undefined) };
  const figures = { publish: jest.fn(async () => undefined) };
  const deps = [
    access as unknown as ReviewAccess,
    repository as unknown as ReviewRepository,
    unitOfWork as unknown as UnitOfWork,
    journal as unknown as ReviewJournal,
  ] as const;
  return { application, recognitions, repository, journal, figures, deps };
}

describe(AssociationReviewService.name, () => {
  it('recognises a confirmed, eligible application with the evaluation’s version and points and the next number', async () => {
    const f = fixture(ApplicationStatus.Confirmed);
    const sut = new AssociationReviewService(...f.deps, f.figures as unknown as FiguresChanged);
    const outcome = await sut.recognise(reviewer, 5);
    expect(outcome.recognised).toBe(true);
    // The learning-citizen figure moves: the roll-up is told, after the transaction.
    expect(f.figures.publish).toHaveBeenCalledWith('recognition');
    expect(outcome.recognition).toMatchObject({
      applicationId: 5,
      workerId: 42,
      year: 2025,
      branchId: 3,
      criteriaSetId: 2,
      totalPoints: 85,
      certificateNo: 'CDHT-2025-3-000042',
      status: 'VALID',
      recognisedBy: 7,
    });
    expect(outcome.recognition.verifyCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(f.application.status).toBe(ApplicationStatus.Recognised);
    expect(f.journal.write).toHaveBeenCalledTimes(1);
    expect(f.journal.write).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ action: ReviewAuditAction.Recognised, notify: { once: true } }),
    );
  });

  it('finds an application already recognised a no-op: the same title, no second entry', async () => {
    const f = fixture(ApplicationStatus.Confirmed);
    const sut = new AssociationReviewService(...f.deps, f.figures as unknown as FiguresChanged);
    const first = await sut.recognise(reviewer, 5);
    const second = await sut.recognise(reviewer, 5);
    expect(second).toEqual({ recognised: false, recognition: first.recognition });
    expect(f.recognitions).toHaveLength(1);
    expect(f.journal.write).toHaveBeenCalledTimes(1);
  });

  it.each([
    [ApplicationStatus.Submitted, true, 'notConfirmed'],
    [ApplicationStatus.Rejected, true, 'notConfirmed'],
    [ApplicationStatus.Revoked, true, 'notConfirmed'],
    [ApplicationStatus.Confirmed, false, 'notEligible'],
    [ApplicationStatus.Confirmed, null, 'notEligible'],
  ] as const)(
    'refuses to recognise a %s application (eligible: %s) and writes nothing',
    async (status, eligible, reason) => {
      const f = fixture(status, eligible);
      const sut = new AssociationReviewService(...f.deps, f.figures as unknown as FiguresChanged);
      await expect(sut.recognise(reviewer, 5)).rejects.toMatchObject({ reason });
      expect(f.repository.insertRecognition).not.toHaveBeenCalled();
      expect(f.journal.write).not.toHaveBeenCalled();
      expect(f.application.status).toBe(status);
    },
  );

  it('rejects only a confirmed application, with its reason in the trail and the notice', async () => {
    const f = fixture(ApplicationStatus.Confirmed, false);
    const sut = new AssociationReviewService(...f.deps, f.figures as unknown as FiguresChanged);
    await sut.reject(reviewer, 5, 'Chưa tham gia sinh hoạt câu lạc bộ đọc sách');
    expect(f.application.status).toBe(ApplicationStatus.Rejected);
    expect(f.journal.write).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        action: ReviewAuditAction.Rejected,
        comment: 'Chưa tham gia sinh hoạt câu lạc bộ đọc sách',
        notify: { once: true, text: 'Chưa tham gia sinh hoạt câu lạc bộ đọc sách' },
      }),
    );
    await expect(sut.reject(reviewer, 5, 'Lần nữa')).rejects.toBeInstanceOf(ReviewRefused);
  });

  it('revokes only a recognised title', async () => {
    const refused = fixture(ApplicationStatus.Confirmed);
    await expect(
      new AssociationReviewService(...refused.deps, refused.figures as unknown as FiguresChanged).revoke(
        reviewer,
        5,
        'Sai',
      ),
    ).rejects.toMatchObject({
      reason: 'notRecognised',
    });
    expect(refused.repository.revokeRecognition).not.toHaveBeenCalled();
    expect(refused.figures.publish).not.toHaveBeenCalled();
    const f = fixture(ApplicationStatus.Recognised);
    await new AssociationReviewService(...f.deps, f.figures as unknown as FiguresChanged).revoke(
      reviewer,
      5,
      'Kê khai không đúng',
    );
    expect(f.application.status).toBe(ApplicationStatus.Revoked);
    expect(f.repository.revokeRecognition).toHaveBeenCalledWith(
      expect.anything(),
      5,
      expect.objectContaining({ revokedBy: 7, revokeReason: 'Kê khai không đúng' }),
    );
    expect(f.figures.publish).toHaveBeenCalledWith('revocation');
  });

  it('lets nobody outside the branch act', async () => {
    const f = fixture(ApplicationStatus.Confirmed);
    const sut = new AssociationReviewService(...f.deps, f.figures as unknown as FiguresChanged);
    await expect(sut.recognise(officer, 5)).rejects.toBeInstanceOf(OutOfScopeException);
    await expect(sut.reject(officer, 5, 'x')).rejects.toBeInstanceOf(OutOfScopeException);
    expect(f.application.status).toBe(ApplicationStatus.Confirmed);
  });
});

describe(OfficerReviewService.name, () => {
  it('confirms a submitted application with the answers still waiting, and tells the worker once', async () => {
    const f = fixture(ApplicationStatus.Submitted, true, [AnswerReview.Pending, AnswerReview.Confirmed]);
    const sut = new OfficerReviewService(...f.deps);
    await sut.confirm(officer, 5);
    expect(f.application.status).toBe(ApplicationStatus.Confirmed);
    expect(f.repository.confirmPendingAnswers).toHaveBeenCalledWith(
      expect.anything(),
      5,
      8,
      expect.any(Date),
    );
    expect(f.journal.write).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        action: ReviewAuditAction.Confirmed,
        before: { status: 'SUBMITTED' },
        after: { status: 'CONFIRMED', confirmedAnswers: ['1.1'] },
        notify: { once: true },
      }),
    );
  });

  it('evaluates the application again after the step, and keeps the step if that run fails', async () => {
    const f = fixture(ApplicationStatus.Submitted, true, [AnswerReview.Pending]);
    const engine = { evaluateApplication: jest.fn(async () => null) };
    const sut = new OfficerReviewService(...f.deps, engine as unknown as CitizenshipApplicationsService);
    await sut.confirmAnswer(officer, 5, '1.1');
    expect(engine.evaluateApplication).toHaveBeenCalledWith(5);
    engine.evaluateApplication.mockRejectedValueOnce(new Error('no active criteria set'));
    await expect(sut.confirm(officer, 5)).resolves.toBeUndefined();
    expect(f.application.status).toBe(ApplicationStatus.Confirmed);
    expect(engine.evaluateApplication).toHaveBeenCalledTimes(2);
  });

  it('refuses to confirm while an answer is returned, or once the application left SUBMITTED', async () => {
    const returned = fixture(ApplicationStatus.Submitted, true, [AnswerReview.Returned]);
    await expect(new OfficerReviewService(...returned.deps).confirm(officer, 5)).rejects.toMatchObject({
      reason: 'answersReturned',
    });
    const confirmed = fixture(ApplicationStatus.Confirmed);
    await expect(new OfficerReviewService(...confirmed.deps).confirm(officer, 5)).rejects.toMatchObject({
      reason: 'notSubmitted',
    });
    expect(returned.journal.write).not.toHaveBeenCalled();
    expect(confirmed.journal.write).not.toHaveBeenCalled();
  });

  it('returns a submitted application with the comment, telling the worker every time', async () => {
    const f = fixture(ApplicationStatus.Submitted);
    const sut = new OfficerReviewService(...f.deps);
    await sut.returnToWorker(officer, 5, 'Bổ sung tên sách đã đọc');
    expect(f.application.status).toBe(ApplicationStatus.Returned);
    expect(f.journal.write).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        action: ReviewAuditAction.Returned,
        notify: { once: false, text: 'Bổ sung tên sách đã đọc' },
      }),
    );
    await expect(sut.returnToWorker(officer, 5, 'Lần nữa')).rejects.toMatchObject({ reason: 'notSubmitted' });
  });

  it('reviews answers only while the application waits for the officer', async () => {
    const f = fixture(ApplicationStatus.Confirmed, true, [AnswerReview.Confirmed]);
    await expect(
      new OfficerReviewService(...f.deps).returnAnswer(officer, 5, '1.1', 'x'),
    ).rejects.toMatchObject({
      reason: 'notSubmitted',
    });
    const open = fixture(ApplicationStatus.Submitted, true, [AnswerReview.Pending]);
    const sut = new OfficerReviewService(...open.deps);
    await expect(sut.confirmAnswer(officer, 5, '9.9')).rejects.toMatchObject({ reason: 'answerNotFound' });
    await sut.returnAnswer(officer, 5, '1.1', 'Ghi rõ tên sách');
    expect(open.repository.setAnswerReview).toHaveBeenCalledWith(
      expect.anything(),
      5,
      '1.1',
      expect.objectContaining({
        reviewStatus: AnswerReview.Returned,
        reviewComment: 'Ghi rõ tên sách',
        reviewedBy: 8,
      }),
    );
  });
});

describe(eachApplication.name, () => {
  it('runs each id once, sorting refusals by reason and letting real errors through', async () => {
    const sut = (id: number) => {
      if (id === 2) throw new ReviewRefused('notEligible');
      if (id === 3) throw new OutOfScopeException();
      return Promise.resolve(id !== 4);
    };
    await expect(eachApplication([1, 2, 3, 4, 1], async (id) => sut(id))).resolves.toEqual({
      done: [1],
      skipped: [
        { id: 2, reason: 'notEligible' },
        { id: 3, reason: 'notFound' },
        { id: 4, reason: 'alreadyRecognised' },
      ],
    });
    await expect(
      eachApplication([1], async () => {
        throw new Error('database down');
      }),
    ).rejects.toThrow('database down');
  });
});

describe(FunnelService.name, () => {
  const rows: FunnelGroupRow[] = [
    {
      id: 2,
      name: 'Công ty Đắk Mil Xanh',
      unitName: 'Đắk Mil',
      registered: 5,
      submitted: 4,
      eligible: 3,
      confirmed: 2,
      recognised: 1,
    },
    {
      id: null,
      name: null,
      unitName: null,
      registered: 1,
      submitted: 1,
      eligible: 0,
      confirmed: 0,
      recognised: 0,
    },
    {
      id: 1,
      name: 'Công ty Tâm Phát',
      unitName: 'Cư Jút',
      registered: 7,
      submitted: 6,
      eligible: 6,
      confirmed: 5,
      recognised: 4,
    },
  ];
  const repository = { funnel: jest.fn(async () => rows.map((r) => ({ ...r }))) };
  const scopes = { scopeOf: jest.fn(async () => ({ all: true, enterpriseIds: [], unitPaths: [] })) };
  const sut = new FunnelService(
    scopes as unknown as EnterpriseScopeService,
    repository as unknown as ReviewRepository,
  );

  it('sorts rows by name as Vietnamese does (Đ before T), the unnamed last, and totals them', async () => {
    const report = await sut.report(officer, 2025, 'enterprise');
    expect(report.rows.map((r) => r.id)).toEqual([2, 1, null]);
    expect(report.total).toEqual({ registered: 13, submitted: 11, eligible: 9, confirmed: 7, recognised: 5 });
    expect(totalOf([])).toEqual({ registered: 0, submitted: 0, eligible: 0, confirmed: 0, recognised: 0 });
  });

  it('gives the page and the files the same cells, the total row last', async () => {
    const report = await sut.report(officer, 2025, 'enterprise');
    const columns = funnelColumns('enterprise');
    const cells = funnelLines('vi', report).map((line) => columns.map((c) => c.value(line)));
    expect(cells).toEqual([
      ['Công ty Đắk Mil Xanh', 'Đắk Mil', 5, 4, 3, 2, 1],
      ['Công ty Tâm Phát', 'Cư Jút', 7, 6, 6, 5, 4],
      ['(Chưa rõ doanh nghiệp)', '', 1, 1, 0, 0, 0],
      ['Tổng cộng', '', 13, 11, 9, 7, 5],
    ]);
  });
});
