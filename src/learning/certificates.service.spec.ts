import { NotFoundException } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { Role, ScopeType } from '../common/access/roles';
import * as pdf from '../common/pdf/pdf';
import { CatalogService } from '../catalog/catalog.service';
import { AppConfig } from '../config';
import { DomainCode } from '../learning-records/learning-domains';
import { CertificatesService } from './certificates.service';
import { CourseCertificate } from './entities/course-certificate.entity';
import { CertificateDetail, LearningRepository } from './learning.repository';
import { maskName } from './learning.rules';

const CODE = 'ABCD-EFGH-JKLM-NPQR';
const workerActor = (workerId: number) =>
  new Actor(1, 'x', [{ role: Role.Worker, scopeType: ScopeType.Self, scopeId: workerId }], workerId);

describe(CertificatesService.name, () => {
  const detail: Omit<CertificateDetail, 'domains'> = {
    certificate: {
      id: 3,
      code: CODE,
      enrolmentId: 8,
      workerId: 42,
      courseId: 1,
      hours: 4.5,
      issuedAt: new Date('2025-06-01T20:30:00Z'),
    } as CourseCertificate,
    workerName: 'Nguyễn Việt Anh',
    courseTitle: 'Kỹ năng số cho người lao động',
    institutionName: 'Trường Cao đẳng Cộng đồng Đắk Nông',
    completedAt: new Date('2025-06-01T20:30:00Z'),
  };
  const repository = { certificateByCode: jest.fn(async (code: string) => (code === CODE ? detail : null)) };
  const catalog = {
    domainsOf: jest.fn(async (courseId: number) => (courseId === 1 ? [DomainCode.Digital] : [])),
  };
  const sut = new CertificatesService(
    repository as unknown as LearningRepository,
    catalog as unknown as CatalogService,
    {
      publicUrl: 'https://hoctap.example.vn',
    } as AppConfig,
  );

  it('says a known code is valid, with the holder’s name partly masked and nothing else personal', async () => {
    const verification = await sut.verify('abcd efgh jklm npqr');
    expect(verification).toEqual({
      valid: true,
      code: CODE,
      holder: 'Nguyễn V*** A**',
      courseTitle: 'Kỹ năng số cho người lao động',
      institutionName: 'Trường Cao đẳng Cộng đồng Đắk Nông',
      // 20:30 UTC is the next morning in Vietnam.
      completedOn: '2025-06-02',
      hours: 4.5,
      domains: [DomainCode.Digital],
      verifyUrl: `https://hoctap.example.vn/verify/courses/${CODE}`,
    });
    expect(JSON.stringify(verification)).not.toContain('Việt Anh');
  });

  it('answers not found for an unknown or malformed code', async () => {
    await expect(sut.verify('ABCD-EFGH-JKLM-NPQ2')).rejects.toBeInstanceOf(NotFoundException);
    await expect(sut.verify('../../etc')).rejects.toBeInstanceOf(NotFoundException);
  });

  it('gives the PDF, with the QR code of the public check, to its holder only', async () => {
    const qr = jest.spyOn(pdf, 'qrPng');
    const file = await sut.pdf(workerActor(42), CODE);
    expect(file.filename).toBe(`chung-nhan-${CODE}.pdf`);
    expect(file.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(qr).toHaveBeenCalledWith(`https://hoctap.example.vn/verify/courses/${CODE}`);
    // The same address is printed under the QR code as a link.
    expect(file.content.toString('latin1')).toContain(
      `/URI (https://hoctap.example.vn/verify/courses/${CODE})`,
    );
    await expect(sut.pdf(workerActor(43), CODE)).rejects.toBeInstanceOf(OutOfScopeException);
    qr.mockRestore();
  });

  it('masks every name but the family name, a star per hidden letter', () => {
    expect(maskName('Nguyễn Việt Anh')).toBe('Nguyễn V*** A**');
    expect(maskName('  Đặng   Thị  Ánh Tuyết ')).toBe('Đặng T** Á** T****');
    expect(maskName('H’Hen Niê')).toBe('H’Hen N**');
    expect(maskName('Lan')).toBe('L**');
    expect(maskName('A')).toBe('A*');
  });
});
