import { Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../../../common/access/actor';
import { Role, ScopeType } from '../../../common/access/roles';
import { FormError } from '../../../common/errors/form-error';
import { UnitOfWork } from '../../../database/unit-of-work';
import { LearningRecordsService } from '../../../learning-records/learning-records.service';
import { BranchesService } from '../../../organisations/branches.service';
import { CriteriaSet, CriteriaSetStatus, EvidenceKind } from '../../entities/criteria-set.entity';
import { copyContent, CriteriaContent } from './criteria-content';
import { CriteriaSetsRepository, VersionHead } from './criteria-sets.repository';
import { CriteriaNotOwned, CriteriaReadOnly, CriteriaSetsService } from './criteria-sets.service';
import { CriterionFormDto } from './dto/criteria.dto';

/** Branch 1 is the province's association (at the top of the tree); branch 2 a district's. */
const reviewer = new Actor(42, 'Hội Khuyến học tỉnh', [
  { role: Role.AssociationReviewer, scopeType: ScopeType.Branch, scopeId: 1 },
]);
const districtReviewer = new Actor(43, 'Hội Khuyến học huyện', [
  { role: Role.AssociationReviewer, scopeType: ScopeType.Branch, scopeId: 2 },
]);

const v1Content: CriteriaContent = {
  title: 'Bộ tiêu chí mặc định',
  sourceNote: 'Theo Quyết định số 324/QĐ-KHVN',
  passMark: 15,
  groups: [
    {
      code: '1',
      name: 'Năng lực tự học',
      minPoints: null,
      criteria: [
        {
          code: '1.1',
          title: 'Có kế hoạch học tập',
          description: null,
          points: 10,
          evidence: EvidenceKind.Automatic,
          rule: { type: 'HAS_PLAN' },
        },
        {
          code: '1.2',
          title: 'Động viên đồng nghiệp',
          description: null,
          points: 10,
          evidence: EvidenceKind.Declared,
          rule: null,
        },
      ],
    },
  ],
};

/** Versions kept in memory behind the repository's methods, as the database would keep them. */
function setup() {
  let nextId = 1;
  const sets = new Map<number, CriteriaSet>();
  const contents = new Map<number, CriteriaContent>();
  const manager = {} as EntityManager;
  const store = (head: VersionHead, content: CriteriaContent) => {
    const set = {
      id: nextId++,
      code: head.code,
      version: head.version,
      title: content.title,
      sourceNote: content.sourceNote,
      passMark: content.passMark,
      status: head.status,
      createdBy: head.createdBy,
      branchId: head.branchId ?? null,
      activatedAt: head.activatedAt ?? null,
      activatedBy: head.activatedBy ?? null,
      retiredAt: null,
    } as CriteriaSet;
    sets.set(set.id, set);
    contents.set(set.id, copyContent(content));
    return set;
  };
  const v1 = store(
    {
      code: 'KHVN-324',
      version: 1,
      status: CriteriaSetStatus.Active,
      createdBy: null,
      activatedAt: new Date(0),
    },
    v1Content,
  );
  const ofCode = (code: string) =>
    [...sets.values()].filter((s) => s.code === code).sort((a, b) => b.version - a.version);
  const repository = {
    list: jest.fn(async () => [...sets.values()].map((s) => ({ ...s, totalPoints: 0, criteriaCount: 0 }))),
    findById: jest.fn(async (id: number) => sets.get(id) ?? null),
    findOfCode: jest.fn(
      async (code: string, status: CriteriaSetStatus) =>
        ofCode(code).find((s) => s.status === status) ?? null,
    ),
    findLatestOfCode: jest.fn(async (code: string) => ofCode(code)[0] ?? null),
    contentOf: jest.fn(async (set: CriteriaSet) => copyContent(contents.get(set.id)!)),
    insertVersion: jest.fn(async (_m: EntityManager, head: VersionHead, content: CriteriaContent) =>
      store(head, content),
    ),
    lockDraft: jest.fn(
      async (_m: EntityManager, id: number) => sets.get(id)?.status === CriteriaSetStatus.Draft,
    ),
    replaceContent: jest.fn(async (_m: EntityManager, id: number, content: CriteriaContent) => {
      contents.set(id, copyContent(content));
      Object.assign(sets.get(id)!, { title: content.title, passMark: content.passMark });
    }),
    activate: jest.fn(async (_m: EntityManager, id: number, code: string, by: number, at: Date) => {
      for (const s of ofCode(code))
        if (s.status === CriteriaSetStatus.Active)
          Object.assign(s, { status: CriteriaSetStatus.Retired, retiredAt: at });
      const draft = sets.get(id)!;
      if (draft.status !== CriteriaSetStatus.Draft) return false;
      Object.assign(draft, { status: CriteriaSetStatus.Active, activatedAt: at, activatedBy: by });
      return true;
    }),
    deleteDraft: jest.fn(async (_m: EntityManager, id: number) => {
      sets.delete(id);
      contents.delete(id);
    }),
  };
  const transactions: EntityManager[] = [];
  const unitOfWork = {
    run: jest.fn(async <T>(work: (m: EntityManager) => Promise<T>) => {
      transactions.push(manager);
      return work(manager);
    }),
  };
  const records = {
    domains: jest.fn(async () => ['LAW', 'VOCATIONAL', 'LIFE_SKILLS', 'DIGITAL'].map((code) => ({ code }))),
  };
  const names: Record<number, string> = { 1: 'Hội Khuyến học tỉnh', 2: 'Hội Khuyến học huyện' };
  const branches = {
    findByIds: jest.fn(async (ids: number[]) => ids.map((id) => ({ id, name: names[id] }))),
    topLevel: jest.fn(async () => [{ id: 1, name: names[1] }]),
  };
  const sut = new CriteriaSetsService(
    repository as unknown as CriteriaSetsRepository,
    records as unknown as LearningRecordsService,
    unitOfWork as unknown as UnitOfWork,
    branches as unknown as BranchesService,
  );
  return { sut, repository, v1, sets, contents, manager, unitOfWork, store };
}

const criterion = (overrides: Partial<CriterionFormDto> = {}): CriterionFormDto => ({
  groupCode: '1',
  code: '1.3',
  title: 'Ứng dụng công nghệ số',
  points: 10,
  evidence: EvidenceKind.Automatic,
  ruleType: 'DOMAIN_RECORDS',
  domain: 'DIGITAL',
  minRecords: 1,
  ...overrides,
});

describe(CriteriaSetsService.name, () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('copies the active version into a new draft version with the same groups, criteria and rules', async () => {
    const { sut, v1, contents } = setup();
    const draft = await sut.createDraft(reviewer, v1.id);
    expect(draft).toMatchObject({
      code: 'KHVN-324',
      version: 2,
      status: CriteriaSetStatus.Draft,
      createdBy: 42,
    });
    expect(contents.get(draft.id)).toEqual(contents.get(v1.id));
    // A copy, not shared objects: editing the draft leaves version 1 as it was.
    await sut.updateSettings(reviewer, draft.id, { title: 'Bộ tiêu chí 2027', passMark: 20 });
    expect(contents.get(v1.id)!.passMark).toBe(15);
    expect(contents.get(draft.id)!.passMark).toBe(20);
  });

  it('makes one draft however often “new version” is pressed', async () => {
    const { sut, v1, repository } = setup();
    const first = await sut.createDraft(reviewer, v1.id);
    const second = await sut.createDraft(reviewer, v1.id);
    expect(second.id).toBe(first.id);
    expect(repository.insertVersion).toHaveBeenCalledTimes(1);
  });

  it('activates a draft and retires the previous version in the same transaction, recording who', async () => {
    const { sut, v1, repository, manager, unitOfWork } = setup();
    const draft = await sut.createDraft(reviewer, v1.id);
    const at = new Date('2026-03-01T02:00:00Z');
    const calls = unitOfWork.run.mock.calls.length;
    const active = await sut.activate(reviewer, draft.id, at);
    expect(unitOfWork.run.mock.calls.length).toBe(calls + 1);
    expect(repository.lockDraft).toHaveBeenLastCalledWith(manager, draft.id);
    expect(repository.activate).toHaveBeenCalledWith(manager, draft.id, 'KHVN-324', 42, at);
    expect(active).toMatchObject({ status: CriteriaSetStatus.Active, activatedBy: 42, activatedAt: at });
    expect(v1).toMatchObject({ status: CriteriaSetStatus.Retired, retiredAt: at });
  });

  it('never changes a version that is or was in force', async () => {
    const { sut, v1, contents, repository } = setup();
    const before = copyContent(contents.get(v1.id)!);
    await expect(
      sut.updateSettings(reviewer, v1.id, { title: 'Sửa thẳng', passMark: 5 }),
    ).rejects.toBeInstanceOf(CriteriaReadOnly);
    await expect(sut.saveCriterion(reviewer, v1.id, null, criterion())).rejects.toBeInstanceOf(
      CriteriaReadOnly,
    );
    await expect(sut.deleteCriterion(reviewer, v1.id, '1.2')).rejects.toBeInstanceOf(CriteriaReadOnly);
    await expect(sut.activate(reviewer, v1.id)).rejects.toBeInstanceOf(CriteriaReadOnly);
    await expect(sut.discardDraft(reviewer, v1.id)).rejects.toBeInstanceOf(CriteriaReadOnly);

    const draft = await sut.createDraft(reviewer, v1.id);
    await sut.activate(reviewer, draft.id);
    await expect(
      sut.updateSettings(reviewer, draft.id, { title: 'Sau khi áp dụng', passMark: 5 }),
    ).rejects.toBeInstanceOf(CriteriaReadOnly);
    expect(repository.replaceContent).not.toHaveBeenCalled();
    expect(contents.get(v1.id)).toEqual(before);
  });

  it('lets only reviewers of the owning branch create versions, edit and activate; others read', async () => {
    const { sut, v1, sets, repository, unitOfWork, store } = setup();
    // The reference set (no branch) belongs to the province's association: a district reviewer is refused.
    await expect(sut.createDraft(districtReviewer, v1.id)).rejects.toBeInstanceOf(CriteriaNotOwned);
    const draft = await sut.createDraft(reviewer, v1.id);
    const writes = () =>
      [repository.insertVersion, repository.lockDraft, repository.replaceContent, repository.activate]
        .map((fn) => fn.mock.calls.length)
        .join();
    const before = [writes(), unitOfWork.run.mock.calls.length];
    for (const attempt of [
      sut.updateSettings(districtReviewer, draft.id, { title: 'Của huyện', passMark: 5 }),
      sut.saveCriterion(districtReviewer, draft.id, null, criterion()),
      sut.deleteCriterion(districtReviewer, draft.id, '1.2'),
      sut.saveGroup(districtReviewer, draft.id, null, { code: '9', name: 'Nhóm huyện' }),
      sut.deleteGroup(districtReviewer, draft.id, '1'),
      sut.activate(districtReviewer, draft.id),
      sut.discardDraft(districtReviewer, draft.id),
      sut.createDraft(districtReviewer, draft.id),
    ])
      await expect(attempt).rejects.toBeInstanceOf(CriteriaNotOwned);
    // Refused before any transaction: nothing was written or even locked.
    expect([writes(), unitOfWork.run.mock.calls.length]).toEqual(before);
    expect(sets.get(draft.id)!.status).toBe(CriteriaSetStatus.Draft);
    // Both read it, and are told who owns it.
    expect((await sut.get(draft.id)).owners).toEqual([{ id: 1, name: 'Hội Khuyến học tỉnh' }]);
    expect(await sut.canWrite(districtReviewer, draft)).toBe(false);
    expect(await sut.canWrite(reviewer, draft)).toBe(true);

    // A district's own set is the district's: the province's reviewer may not change it either, and
    // its new versions stay the district's.
    const own = store(
      { code: 'CU-JUT', version: 1, status: CriteriaSetStatus.Active, createdBy: 43, branchId: 2 },
      v1Content,
    );
    await expect(sut.createDraft(reviewer, own.id)).rejects.toBeInstanceOf(CriteriaNotOwned);
    const next = await sut.createDraft(districtReviewer, own.id);
    expect(next).toMatchObject({ code: 'CU-JUT', version: 2, branchId: 2 });
    expect((await sut.list(districtReviewer)).map((c) => [c.code, c.canWrite])).toEqual([
      ['KHVN-324', false],
      ['CU-JUT', true],
    ]);
  });

  it('refuses a pass mark above the total points on the settings form', async () => {
    const { sut, v1 } = setup();
    const draft = await sut.createDraft(reviewer, v1.id);
    const error = (await sut
      .updateSettings(reviewer, draft.id, { title: 'X', passMark: 21 })
      .catch((e: unknown) => e)) as FormError;
    expect(error).toBeInstanceOf(FormError);
    expect(error.fieldErrors.passMark).toEqual({
      key: 'citizenship.criteria.error.passMarkAboveTotal',
      params: { passMark: 21, total: 20 },
    });
  });

  it('checks a criterion’s code and rule parameters, and accepts a valid one in code order', async () => {
    const { sut, v1, contents } = setup();
    const draft = await sut.createDraft(reviewer, v1.id);
    const taken = (await sut
      .saveCriterion(reviewer, draft.id, null, criterion({ code: '1.1' }))
      .catch((e: unknown) => e)) as FormError;
    expect(taken.fieldErrors.code.key).toBe('citizenship.criteria.error.codeTaken');
    const noDomain = (await sut
      .saveCriterion(reviewer, draft.id, null, criterion({ domain: undefined }))
      .catch((e: unknown) => e)) as FormError;
    expect(noDomain.fieldErrors.domain.key).toBe('citizenship.criteria.error.domainRequired');
    const noKinds = (await sut
      .saveCriterion(reviewer, draft.id, null, criterion({ ruleType: 'SESSION_KINDS', minSessions: 1 }))
      .catch((e: unknown) => e)) as FormError;
    expect(noKinds.fieldErrors.kinds.key).toBe('citizenship.criteria.error.kindsRequired');
    const unknownGroup = (await sut
      .saveCriterion(reviewer, draft.id, null, criterion({ groupCode: '9' }))
      .catch((e: unknown) => e)) as FormError;
    expect(unknownGroup.fieldErrors.groupCode.key).toBe('citizenship.criteria.error.unknownGroup');

    await sut.saveCriterion(reviewer, draft.id, null, criterion({ code: '1.10' }));
    await sut.saveCriterion(reviewer, draft.id, null, criterion({ code: '1.3', domain: 'LAW' }));
    expect(contents.get(draft.id)!.groups[0].criteria.map((c) => [c.code, c.rule])).toEqual([
      ['1.1', { type: 'HAS_PLAN' }],
      ['1.2', null],
      ['1.3', { type: 'DOMAIN_RECORDS', domain: 'LAW', minRecords: 1 }],
      ['1.10', { type: 'DOMAIN_RECORDS', domain: 'DIGITAL', minRecords: 1 }],
    ]);
  });

  it('keeps a draft whose points fell below the pass mark, but will not activate it', async () => {
    const { sut, v1, sets } = setup();
    const draft = await sut.createDraft(reviewer, v1.id);
    await sut.deleteCriterion(reviewer, draft.id, '1.2');
    const detail = await sut.get(draft.id);
    expect(detail.totalPoints).toBe(10);
    expect(detail.problems.map((p) => p.ref.key)).toEqual(['citizenship.criteria.error.passMarkAboveTotal']);
    const error = (await sut.activate(reviewer, draft.id).catch((e: unknown) => e)) as FormError;
    expect(error.formMessage.key).toBe('citizenship.criteria.error.cannotActivate');
    expect(sets.get(v1.id)!.status).toBe(CriteriaSetStatus.Active);
    expect(sets.get(draft.id)!.status).toBe(CriteriaSetStatus.Draft);
  });

  it('refuses to delete a group that still has criteria', async () => {
    const { sut, v1 } = setup();
    const draft = await sut.createDraft(reviewer, v1.id);
    const error = (await sut.deleteGroup(reviewer, draft.id, '1').catch((e: unknown) => e)) as FormError;
    expect(error.formMessage.key).toBe('citizenship.criteria.error.groupNotEmpty');
  });
});
