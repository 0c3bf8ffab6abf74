import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReportsRepository } from './reports.repository';

/** The education department's reporting body, found by name within the demo plan. */
const DEMO_MEMBERS = [{ username: 'so.gddt', bodyName: 'Sở Giáo dục và Đào tạo' }];

/**
 * Demo members of reporting bodies: the demo login `so.gddt` becomes a member of the Sở Giáo dục
 * và Đào tạo body when the plan has one, so that it can fill in and submit that body's report.
 * Safe to run again; does nothing when the body or the login does not exist.
 */
@Injectable()
export class ReportsDemoSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsRepository,
  ) {}

  async seed(): Promise<void> {
    for (const { username, bodyName } of DEMO_MEMBERS) {
      const user = await this.dataSource
        .createQueryBuilder()
        .select('u.id', 'id')
        .from('users', 'u')
        .where('u.username = :username', { username })
        .getRawOne<{ id: number }>();
      const bodies = await this.dataSource
        .createQueryBuilder()
        .select('b.id', 'id')
        .from('reporting_bodies', 'b')
        .where('b.name LIKE :name', { name: `%${bodyName}%` })
        .getRawMany<{ id: number }>();
      if (!user) continue;
      for (const body of bodies) await this.reports.addMember(Number(body.id), Number(user.id));
    }
  }
}
