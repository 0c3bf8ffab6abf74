import { Actor } from '../../common/access/actor';
import { OutOfScopeException } from '../../common/access/out-of-scope';
import { Role, ScopeType } from '../../common/access/roles';
import { FormError } from '../../common/errors/form-error';
import { QuestionKind, Survey, SurveyStatus } from './entities/survey.entity';
import { parseChoices, stateOf, SurveysService } from './surveys.service';

const federation = new Actor(1, 'LĐLĐ', [
  { role: Role.FederationAdmin, scopeType: ScopeType.All, scopeId: 0 },
]);
const department = new Actor(2, 'Sở', [
  { role: Role.DepartmentViewer, scopeType: ScopeType.All, scopeId: 0 },
]);
const otherDepartment = new Actor(3, 'Sở khác', [
  { role: Role.DepartmentViewer, scopeType: ScopeType.All, scopeId: 0 },
]);

function survey(overrides: Partial<Survey> = {}): Survey {
  return {
    id: 7,
    title: 'Khảo sát',
    description: null,
    opensOn: '2026-03-01',
    closesOn: '2026-03-31',
    status: SurveyStatus.Draft,
    ownerRole: Role.DepartmentViewer,
    createdBy: 2,
    publishedAt: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  };
}

describe(SurveysService.name, () => {
  let sut: SurveysService;
  let repo: Record<string, jest.Mock>;
  let enterprises: Record<string, jest.Mock>;

  beforeEach(() => {
    repo = {
      findById: jest.fn(async () => survey()),
      questionsOf: jest.fn(async () => [{ id: 1 }]),
      targetsOf: jest.fn(async () => [{ kind: 'ENTERPRISE', targetId: 5 }]),
      addQuestion: jest.fn(async (q) => ({ id: 9, position: 1, ...q })),
      publish: jest.fn(async () => true),
      update: jest.fn(),
    };
    enterprises = {
      findById: jest.fn(async (id: number) => ({ id, unitId: 50 })),
      isInScope: jest.fn(async () => true),
      rows: jest.fn(),
    };
    const scopes = { scopeOf: jest.fn(async () => ({ all: true, enterpriseIds: [], unitPaths: [] })) };
    const unitOfWork = { run: jest.fn((work: (tx: unknown) => unknown) => work({})) };
    sut = new SurveysService(
      repo as never,
      enterprises as never,
      scopes as never,
      {} as never,
      unitOfWork as never,
    );
  });

  it('lets the federation and the department that built it author a survey, and nobody else', async () => {
    await expect(sut.authored(federation, 7)).resolves.toMatchObject({ id: 7 });
    await expect(sut.authored(department, 7)).resolves.toMatchObject({ id: 7 });
    await expect(sut.authored(otherDepartment, 7)).rejects.toBeInstanceOf(OutOfScopeException);
  });

  it('publishes a draft with a question and a target, keeping each enterprise with its unit', async () => {
    await expect(sut.publish(department, 7, '2026-02-20')).resolves.toBe(1);
    expect(repo.publish).toHaveBeenCalledWith({}, 7, [{ enterpriseId: 5, unitId: 50 }], expect.any(Date));
  });

  it('refuses to publish without a question, after the last day, or without an enterprise', async () => {
    repo.questionsOf.mockResolvedValueOnce([]);
    await expect(sut.publish(federation, 7, '2026-02-20')).rejects.toBeInstanceOf(FormError);
    await expect(sut.publish(federation, 7, '2026-04-01')).rejects.toBeInstanceOf(FormError);
    enterprises.isInScope.mockResolvedValue(false);
    await expect(sut.publish(federation, 7, '2026-02-20')).rejects.toBeInstanceOf(FormError);
    expect(repo.publish).not.toHaveBeenCalled();
  });

  it('changes only drafts, and wants 2 to 20 distinct choices', async () => {
    const dto = { kind: QuestionKind.Single, text: 'Hỏi?', choices: 'Có\n có \n\nKhông' };
    await expect(sut.addQuestion(federation, 7, dto)).resolves.toMatchObject({ choices: ['Có', 'Không'] });
    await expect(sut.addQuestion(federation, 7, { ...dto, choices: 'Có\ncó' })).rejects.toBeInstanceOf(
      FormError,
    );
    repo.findById.mockResolvedValue(survey({ status: SurveyStatus.Published }));
    await expect(sut.addQuestion(federation, 7, dto)).rejects.toBeInstanceOf(FormError);
  });

  it('tells where a survey stands on a day', () => {
    expect(stateOf(survey(), '2026-03-05')).toBe('DRAFT');
    const published = survey({ status: SurveyStatus.Published });
    expect(stateOf(published, '2026-02-28')).toBe('UPCOMING');
    expect(stateOf(published, '2026-03-31')).toBe('OPEN');
    expect(stateOf(published, '2026-04-01')).toBe('ENDED');
    expect(stateOf(survey({ status: SurveyStatus.Closed }), '2026-03-05')).toBe('ENDED');
    expect(parseChoices(' A \r\nB\n\na')).toEqual(['A', 'B']);
  });
});
