import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Counts the SQL statements the app sends, by wrapping its data source's logger (every query
 * runner reports each statement there, whether or not logging is on). A count, not a timer: a
 * request that starts sending more statements shows here on any machine.
 */
export class StatementCounter {
  private statements: string[] = [];

  constructor(app: INestApplication) {
    const logger = app.get(DataSource).logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      this.statements.push(query);
      return logQuery(query, parameters, runner);
    };
  }

  /** The statements sent while `work` ran (nothing else may run meanwhile). */
  async during(work: () => Promise<unknown>): Promise<string[]> {
    const from = this.statements.length;
    await work();
    return this.statements.slice(from);
  }
}
