import { Injectable } from '@nestjs/common';

/** 200 demo workers across the demo enterprises, and one worker login. */
@Injectable()
export class WorkersDemoSeeder {
  // TODO(workers): implement — placeholder so the foundation boots while the domain is built.
  async seed(_passwordHash: string): Promise<void> {}
}
