import { QuestionKind } from './entities/survey.entity';
import { officerWithholds } from './survey-results.service';
import { AnswerCounts, choiceLabels, MIN_GROUP, questionResults, topChoices } from './survey-results';

const counts = (choices: [number, [number, number][]][], answered: [number, number][]): AnswerCounts => ({
  choices: new Map(choices.map(([q, c]) => [q, new Map(c)])),
  answered: new Map(answered),
});

describe('survey results', () => {
  const questions = [
    {
      id: 1,
      position: 1,
      kind: QuestionKind.Multiple,
      text: 'Lĩnh vực',
      choices: ['A', 'B', 'C'],
      lowLabel: null,
      highLabel: null,
    },
    {
      id: 2,
      position: 2,
      kind: QuestionKind.Scale,
      text: 'Thời gian',
      choices: [],
      lowLabel: 'Ít',
      highLabel: 'Nhiều',
    },
    {
      id: 3,
      position: 3,
      kind: QuestionKind.Text,
      text: 'Góp ý',
      choices: [],
      lowLabel: null,
      highLabel: null,
    },
  ];

  it('counts each choice with its share of those who answered, and the mean of a scale', () => {
    const [multiple, scale, text] = questionResults(
      questions,
      counts(
        [
          [
            1,
            [
              [0, 3],
              [2, 1],
            ],
          ],
          [
            2,
            [
              [1, 1],
              [4, 2],
              [5, 1],
            ],
          ],
        ],
        [
          [1, 3],
          [2, 4],
          [3, 2],
        ],
      ),
    );
    expect(multiple.choices).toEqual([
      { label: 'A', count: 3, share: 100 },
      { label: 'B', count: 0, share: 0 },
      { label: 'C', count: 1, share: 33.3 },
    ]);
    expect(scale.choices.map((c) => c.label)).toEqual(['1 — Ít', '2', '3', '4', '5 — Nhiều']);
    expect(scale.choices.map((c) => c.count)).toEqual([1, 0, 0, 2, 1]);
    expect(scale.mean).toBe(3.5);
    expect(text.choices).toEqual([]);
    expect(text.answered).toBe(2);
  });

  it('has no share and no mean without answers', () => {
    const [multiple, scale] = questionResults(questions, counts([], []));
    expect(multiple.choices.every((c) => c.share === 0)).toBe(true);
    expect(scale.mean).toBeNull();
  });

  it('names the most chosen answers first, ties in the question’s order, without those never chosen', () => {
    const [multiple] = questionResults(
      questions,
      counts(
        [
          [
            1,
            [
              [0, 2],
              [1, 5],
              [2, 2],
            ],
          ],
        ],
        [[1, 6]],
      ),
    );
    expect(topChoices(multiple, 2).map((c) => c.label)).toEqual(['B', 'A']);
    const [none] = questionResults(questions, counts([], []));
    expect(topChoices(none, 3)).toEqual([]);
  });

  it('labels a scale’s ends only', () => {
    expect(
      choiceLabels({ kind: QuestionKind.Scale, choices: [], lowLabel: null, highLabel: 'Cao' }).map(
        (c) => c.label,
      ),
    ).toEqual(['1', '2', '3', '4', '5 — Cao']);
  });

  it('withholds an officer’s aggregate while the survey is open, whatever the count, and under five after', () => {
    expect(officerWithholds(false, 6)).toBe('OPEN');
    expect(officerWithholds(false, 500)).toBe('OPEN');
    expect(officerWithholds(true, MIN_GROUP - 1)).toBe('SMALL_GROUP');
    expect(officerWithholds(true, MIN_GROUP)).toBeNull();
  });
});
