import { NotFoundException } from '@nestjs/common';
// The title's name and the PDF's texts come from the message catalog.
import '../../messages';
import { Actor } from '../../common/access/actor';
import { OutOfScopeException } from '../../common/access/out-of-scope';
import { Role, ScopeType } from '../../common/access/roles';
import * as pdf from '../../common/pdf/pdf';
import { AppConfig } from '../../config';
import { Recognition, RecognitionStatus } from '../entities/recognition.entity';
import { BranchesService } from '../../organisations/branches.service';
import { WorkersService } from '../../workers/workers.service';
import { CitizenCertificatesService, RecognitionDetail } from './citizen-certificates.service';
import { ReviewAccess } from './review-access.service';
import { ReviewRepository } from './review.repository';

const CODE = 'ABCD-EFGH-JKLM-NPQR';
const workerActor = (workerId: number) =>
  new Actor(1, 'x', [{ role: Role.Worker, scopeType: ScopeType.Self, scopeId: workerId }], workerId);
const reviewer = new Actor(2, 'y', [
  { role: Role.AssociationReviewer, scopeType: ScopeType.Branch, scopeId: 3 },
]);

describe(CitizenCertificatesService.name, () => {
  const recognition = (changes: Partial<Recognition> = {}): Recognition =>
    ({
      id: 11,
      applicationId: 5,
      workerId: 42,
      year: 2025,
      branchId: 3,
      criteriaSetId: 1,
      totalPoints: 85,
      certificateNo: 'CDHT-2025-3-000007',
      verifyCode: CODE,
      status: RecognitionStatus.Valid,
      recognisedBy: 2,
      // 20:30 UTC is the next morning in Vietnam.
      recognisedAt: new Date('2025-06-01T20:30:00Z'),
      revokedBy: null,
      revokedAt: null,
      revokeReason: null,
      ...changes,
    }) as Recognition;
  let detail: RecognitionDetail;
  const repository = {
    recognitionByVerifyCode: jest.fn(async (code: string) => (code === CODE ? detail.recognition : null)),
    recognitionById: jest.fn(async (id: number) => (id === 11 ? detail.recognition : null)),
  };
  const workers = {
    namesOf: jest.fn(async () => new Map([[detail.recognition.workerId, detail.holderName]])),
  };
  const branches = {
    findByIds: jest.fn(async () => [{ id: detail.recognition.branchId, name: detail.branchName }]),
  };
  const access = {
    forOfficer: jest.fn(async () => {
      throw new OutOfScopeException();
    }),
    forReviewer: jest.fn(async (actor: Actor) => {
      if (actor !== reviewer) throw new OutOfScopeException();
      return {};
    }),
  };
  const sut = new CitizenCertificatesService(
    repository as unknown as ReviewRepository,
    access as unknown as ReviewAccess,
    { publicUrl: 'https://hoctap.example.vn' } as AppConfig,
    workers as unknown as WorkersService,
    branches as unknown as BranchesService,
  );

  beforeEach(() => {
    detail = {
      recognition: recognition(),
      holderName: 'Nguyễn Thị Thanh Hương',
      branchName: 'Hội Khuyến học huyện Cư Jút',
    };
  });

  it('shows a valid title with the holder’s name masked and no other personal data', async () => {
    const verification = await sut.verify('abcd efgh jklm npqr', '2025-07-01');
    expect(verification).toEqual({
      status: 'VALID',
      valid: true,
      certificateNo: 'CDHT-2025-3-000007',
      holder: 'Nguyễn T** T**** H****',
      title: 'Công dân học tập',
      year: 2025,
      issuer: 'Hội Khuyến học huyện Cư Jút',
      recognisedOn: '2025-06-02',
      validUntil: '2025-12-31',
      revokedOn: null,
      verifyUrl: `https://hoctap.example.vn/verify/citizens/${CODE}`,
    });
    const text = JSON.stringify(verification);
    expect(text).not.toContain('Thanh Hương');
    expect(text).not.toMatch(/"(workerId|applicationId|totalPoints|enterpriseId|revokeReason)"/);
  });

  it('says revoked with its date but never the reason, which may speak of the person', async () => {
    detail.recognition = recognition({
      status: RecognitionStatus.Revoked,
      revokedAt: new Date('2025-09-10T03:00:00Z'),
      revokeReason: 'Chị Hương khai sai số giờ học',
    });
    const verification = await sut.verify(CODE, '2025-09-11');
    expect(verification).toMatchObject({ status: 'REVOKED', valid: false, revokedOn: '2025-09-10' });
    expect(JSON.stringify(verification)).not.toContain('khai sai');
  });

  it('says expired once the title’s year is over', async () => {
    expect(await sut.verify(CODE, '2026-01-01')).toMatchObject({ status: 'EXPIRED', valid: false });
  });

  it('answers not found for an unknown or malformed code', async () => {
    await expect(sut.verify('ABCD-EFGH-JKLM-NPQ2')).rejects.toBeInstanceOf(NotFoundException);
    await expect(sut.verify('../../etc/passwd')).rejects.toBeInstanceOf(NotFoundException);
  });

  it('gives the A4 PDF with the QR code of the public check to the holder and the branch, and nobody else', async () => {
    const qr = jest.spyOn(pdf, 'qrPng');
    const file = await sut.pdf(workerActor(42), 11);
    expect(file.filename).toBe('cong-dan-hoc-tap-CDHT-2025-3-000007.pdf');
    expect(file.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.content.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(qr).toHaveBeenCalledWith(`https://hoctap.example.vn/verify/citizens/${CODE}`);
    expect(file.content.toString('latin1')).toContain(
      `/URI (https://hoctap.example.vn/verify/citizens/${CODE})`,
    );
    await expect(sut.pdf(reviewer, 11)).resolves.toMatchObject({ filename: file.filename });
    await expect(sut.pdf(workerActor(43), 11)).rejects.toBeInstanceOf(OutOfScopeException);
    await expect(sut.pdf(workerActor(42), 12)).rejects.toBeInstanceOf(OutOfScopeException);
    qr.mockRestore();
  });
});
