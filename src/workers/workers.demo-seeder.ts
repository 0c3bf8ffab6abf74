import { Injectable } from '@nestjs/common';
import { Role, ScopeType } from '../common/access/roles';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { foldVietnamese } from '../common/text/vietnamese';
import { readSeed } from '../common/seed-files';
import { UnitOfWork } from '../database/unit-of-work';
import { EnterprisesService } from '../organisations/enterprises.service';
import { UserStatus } from '../users/entities/user.entity';
import { UsersRepository } from '../users/users.repository';
import { Gender } from './entities/worker.entity';
import { NewEmployment, NewWorker, WorkersRepository } from './workers.repository';
import { addYears } from '../common/time/iso-date';

interface WorkersSeed {
  seed: number;
  count: number;
  familyNames: [string, number][];
  middleNames: Record<'MALE' | 'FEMALE', string[]>;
  givenNames: Record<'MALE' | 'FEMALE', string[]>;
  ethnicNames: { name: string; gender: 'MALE' | 'FEMALE' }[];
  ethnicShare: number;
  provinceCodes: string[];
  phonePrefixes: string[];
  enterprises: { taxCode: string; count: number; codePrefix: string }[];
  endedEvery: number;
  mover: { from: string; to: string; fromStart: string; leftOn: string; startedOn: string };
  login: { username: string; taxCode: string };
}

interface DemoPerson {
  worker: NewWorker;
  employments: Omit<NewEmployment, 'workerId'>[];
}

/** mulberry32: a small seeded generator, so the demo people are the same on every install. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;

/**
 * 200 demo workers across the demo enterprises (seeds/demo/workers.json), a few of whom have left
 * and one who moved from one enterprise to another, plus the demo worker login "nguoilaodong".
 */
@Injectable()
export class WorkersDemoSeeder {
  constructor(
    private readonly workers: WorkersRepository,
    private readonly users: UsersRepository,
    private readonly pii: PiiCipher,
    private readonly unitOfWork: UnitOfWork,
    private readonly enterprises: EnterprisesService,
  ) {}

  async seed(passwordHash: string): Promise<void> {
    const config = readSeed<WorkersSeed>('demo/workers.json');
    const taxCodes = config.enterprises.map((e) => e.taxCode);
    const enterpriseIds = await this.enterprises.idsByTaxCode(taxCodes);
    const missing = taxCodes.filter((t) => !enterpriseIds.has(t));
    if (missing.length > 0)
      throw new Error(`Demo workers need the demo enterprises; missing tax codes: ${missing.join(', ')}`);
    const people = this.generate(config, enterpriseIds);

    await this.unitOfWork.run(async (manager) => {
      await this.workers.insertMany(
        people.map((p) => p.worker),
        manager,
      );
      const ids = new Map(
        (
          await this.workers.findByHashes(
            people.map((p) => p.worker.cccdHash),
            manager,
          )
        ).map((w) => [w.cccdHash, w.id]),
      );
      await this.workers.insertEmployments(
        people.flatMap((p) => p.employments.map((e) => ({ ...e, workerId: ids.get(p.worker.cccdHash)! }))),
        manager,
      );
      // The demo worker login: the first worker of the configured enterprise.
      const loginTaxCode = enterpriseIds.get(config.login.taxCode);
      const person = people.find((p) => p.employments.some((e) => e.enterpriseId === loginTaxCode))!;
      const workerId = ids.get(person.worker.cccdHash)!;
      const user = await this.users.create(
        {
          username: config.login.username,
          displayName: person.worker.fullName,
          email: null,
          status: UserStatus.Active,
        },
        manager,
      );
      await this.users.update(user.id, { passwordHash }, manager);
      await this.users.assign(user.id, Role.Worker, ScopeType.Self, workerId, manager);
      await this.workers.linkUser(workerId, user.id, manager);
    });
  }

  private generate(config: WorkersSeed, enterpriseIds: Map<string, number>): DemoPerson[] {
    const random = generator(config.seed);
    const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
    const familyBag = config.familyNames.flatMap(([name, weight]) => Array<string>(weight).fill(name));
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
    const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const between = (from: string, to: string) => {
      const a = Date.parse(from);
      const b = Date.parse(to);
      return isoDay(a + Math.floor(random() * ((b - a) / DAY + 1)) * DAY);
    };
    const usedCccd = new Set<string>();
    const people: DemoPerson[] = [];
    let index = 0;
    for (const enterprise of config.enterprises) {
      const enterpriseId = enterpriseIds.get(enterprise.taxCode)!;
      for (let n = 1; n <= enterprise.count; n++, index++) {
        const ethnic = random() < config.ethnicShare ? pick(config.ethnicNames) : null;
        const gender = ethnic ? ethnic.gender : random() < 0.52 ? 'FEMALE' : 'MALE';
        const fullName =
          ethnic?.name ??
          `${pick(familyBag)} ${pick(config.middleNames[gender])} ${pick(config.givenNames[gender])}`;
        // One person moved: they left the first enterprise and joined the second.
        const mover = enterprise.taxCode === config.mover.to && n === 2;
        const year = mover ? 1988 : 1970 + Math.floor(random() * 36);
        const dateOfBirth = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
        let cccd: string;
        do {
          const centuryDigit = (year >= 2000 ? 2 : 0) + (gender === 'FEMALE' ? 1 : 0);
          cccd = `${pick(config.provinceCodes)}${centuryDigit}${String(year % 100).padStart(2, '0')}${digits(6)}`;
        } while (usedCccd.has(cccd));
        usedCccd.add(cccd);
        const earliest = addYears(dateOfBirth, 18) > '2010-01-01' ? addYears(dateOfBirth, 18) : '2010-01-01';
        const startDate = between(earliest, '2025-09-30');
        const ended = index % config.endedEvery === config.endedEvery - 1;
        const employment: Omit<NewEmployment, 'workerId'> = {
          enterpriseId,
          employeeCode: `${enterprise.codePrefix}${String(n).padStart(4, '0')}`,
          startDate,
          endDate: ended ? between(startDate, '2025-10-31') : null,
          unionMember: random() < 0.7,
          phone: null,
          email: null,
        };
        const employments = [employment];
        if (mover) {
          Object.assign(employment, { startDate: config.mover.startedOn, endDate: null });
          employments.unshift({
            enterpriseId: enterpriseIds.get(config.mover.from)!,
            employeeCode: null,
            startDate: config.mover.fromStart,
            endDate: config.mover.leftOn,
            unionMember: true,
            phone: null,
            email: null,
          });
        }
        const slug = foldVietnamese(fullName).replace(/[^a-z]/g, '');
        // Contact data as the current enterprise entered it.
        employment.phone = random() < 0.7 ? `${pick(config.phonePrefixes)}${digits(7)}` : null;
        employment.email = random() < 0.2 ? `${slug}${index + 1}@example.com` : null;
        people.push({
          worker: {
            fullName,
            searchKey: foldVietnamese(fullName),
            dateOfBirth,
            gender: gender as Gender,
            cccdEncrypted: this.pii.encrypt(cccd),
            cccdHash: this.pii.blindIndex(cccd),
          },
          employments,
        });
      }
    }
    return people;
  }
}
