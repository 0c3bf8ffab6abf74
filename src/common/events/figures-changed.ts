import { Injectable, Logger } from '@nestjs/common';

/** What moved a figure: shown in the log line, and for a listener that cares which. */
export type FiguresChange =
  | 'learning'
  | 'recognition'
  | 'revocation'
  | 'import'
  | 'employment-ended'
  | 'headcount'
  | 'enterprise-moved'
  | 'history';

/** `since`: the earliest date (YYYY-MM-DD) the write moved, when it lies in the past; undefined for today only. */
export type FiguresListener = (change: FiguresChange, since?: string) => Promise<void>;

/**
 * "Figures changed": every write that moves an indicator's figure — a learning record, a title
 * recognised or revoked, an import that changed rows (a roster), an ended employment, a declared headcount, an enterprise
 * moved to another commune, history loaded for past years — publishes it after its transaction
 * commits. The indicators domain listens and refreshes today's roll-up (debounced to one run a
 * minute), and, when the publisher names a past date as `since`, the snapshots from that date on
 * that are history (each 31/12 since, the dates reports were written from), so a publisher never
 * depends on it. A listener that fails is logged and never fails the write that published.
 */
@Injectable()
export class FiguresChanged {
  private readonly logger = new Logger(FiguresChanged.name);
  private readonly listeners = new Map<string, FiguresListener>();

  subscribe(name: string, listener: FiguresListener): void {
    this.listeners.set(name, listener);
  }

  async publish(change: FiguresChange, since?: string): Promise<void> {
    for (const [name, listener] of this.listeners) {
      try {
        await listener(change, since);
      } catch (error) {
        this.logger.warn(
          { listener: name, change, since, error: (error as Error).message },
          'figures listener failed',
        );
      }
    }
  }
}
