import { FiguresChanged } from '../common/events/figures-changed';
import { UnitOfWork } from '../database/unit-of-work';
import { EnterpriseScopeService } from '../organisations/enterprise-scope';
import { LearningRecordEvents } from './learning-record-events';
import { LearningRecordsRepository } from './learning-records.repository';
import { LearningRecordsService } from './learning-records.service';

/** 10/01/2026, 09:00 in Vietnam. */
const NOW = new Date(Date.UTC(2026, 0, 10, 2));

function setup() {
  const events = { announce: jest.fn(async () => undefined) };
  const figures = { publish: jest.fn(async () => undefined) };
  const sut = new LearningRecordsService(
    {} as LearningRecordsRepository,
    events as unknown as LearningRecordEvents,
    {} as UnitOfWork,
    {} as EnterpriseScopeService,
    figures as unknown as FiguresChanged,
  );
  return { sut, events, figures };
}

describe(LearningRecordsService.name, () => {
  it('tells the figures of a closed year when a record happened before this year', async () => {
    const { sut, events, figures } = setup();
    await sut.announce([7, 8], '2025-12-31', NOW);
    expect(events.announce).toHaveBeenCalledWith([7, 8]);
    expect(figures.publish).toHaveBeenCalledWith('learning', '2025-12-31');
  });

  it('leaves that to the workers’ announcement for records of this year or of no known date', async () => {
    const { sut, events, figures } = setup();
    await sut.announce([7], '2026-01-01', NOW);
    await sut.announce([7], null, NOW);
    await sut.announce([7]);
    expect(events.announce).toHaveBeenCalledTimes(3);
    expect(figures.publish).not.toHaveBeenCalled();
  });
});
