import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Actor } from '../../common/access/actor';
import { OutOfScopeException } from '../../common/access/out-of-scope';
import { translate } from '../../common/i18n/i18n';
import { Locale } from '../../common/i18n/messages';
import { CERTIFICATE_LOCALE, qrPng, renderPdf } from '../../common/pdf/pdf';
import { formatDate } from '../../common/views/view-helpers';
import { AppConfig, appConfig } from '../../config';
import { maskName, normaliseCertificateCode } from '../../learning/learning.rules';
import { ReviewAccess } from './review-access.service';
import { BranchesService } from '../../organisations/branches.service';
import { WorkersService } from '../../workers/workers.service';
import { Recognition } from '../entities/recognition.entity';
import { ReviewRepository } from './review.repository';
import { CertificateStatus, certificateStatus, validUntil } from './review.rules';
import { todayInVietnam } from '../../common/time/vietnam-time';

/**
 * What the public check of a title shows: enough to trust the paper, nothing more about the person.
 * The reason of a revocation is not shown: it is free text and may speak of the person.
 */
export interface CitizenVerification {
  status: CertificateStatus;
  /** True only while the title is valid (not revoked, its year not over). */
  valid: boolean;
  certificateNo: string;
  /** The holder's name partly masked ("Nguyễn V*** A**"). */
  holder: string;
  title: string;
  year: number;
  issuer: string;
  /** YYYY-MM-DD, Vietnam time. */
  recognisedOn: string;
  validUntil: string;
  revokedOn: string | null;
  verifyUrl: string;
}

/** A recognition with what its certificate and its public check print. */
export interface RecognitionDetail {
  recognition: Recognition;
  holderName: string;
  branchName: string;
}

/** A title as its holder lists it. */
export interface MyTitle {
  id: number;
  year: number;
  /** hoctap's certificate; null for a past year's title brought in from its decision. */
  certificateNo: string | null;
  /** The decision of a past year's title (history import). */
  decisionNo: string | null;
  decisionDate: string | null;
  issuer: string;
  status: CertificateStatus;
  recognisedAt: Date;
  /** Only titles recognised in hoctap have a certificate to download. */
  pdfUrl: string | null;
}

/** The title's certificate: an A4 PDF for the people concerned, and the public check its QR code opens. */
@Injectable()
export class CitizenCertificatesService {
  constructor(
    private readonly repository: ReviewRepository,
    private readonly access: ReviewAccess,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
    private readonly workers: WorkersService,
    private readonly branches: BranchesService,
  ) {}

  /** The address the QR code encodes. */
  verifyUrl(verifyCode: string): string {
    return `${this.config.publicUrl}/verify/citizens/${encodeURIComponent(verifyCode)}`;
  }

  pdfPath(recognitionId: number): string {
    return `/citizenship/certificates/${recognitionId}.pdf`;
  }

  /** Anyone may check a code; an unknown or malformed one is simply not found. */
  async verify(code: string, today = todayInVietnam()): Promise<CitizenVerification> {
    const normalised = normaliseCertificateCode(code);
    const detail = await this.detailOf(
      normalised ? await this.repository.recognitionByVerifyCode(normalised) : null,
    );
    if (!detail) throw new NotFoundException();
    const { recognition } = detail;
    // A past year's title brought in from its decision has no hoctap certificate to check.
    if (!recognition.certificateNo) throw new NotFoundException();
    const status = certificateStatus(recognition, today);
    return {
      status,
      valid: status === 'VALID',
      certificateNo: recognition.certificateNo,
      holder: maskName(detail.holderName),
      // The title's name as the API has always given it: in Vietnamese.
      title: translate('vi', 'review.certificate.titleName'),
      year: recognition.year,
      issuer: detail.branchName,
      recognisedOn: todayInVietnam(recognition.recognisedAt),
      validUntil: validUntil(recognition.year),
      revokedOn: recognition.revokedAt ? todayInVietnam(recognition.revokedAt) : null,
      verifyUrl: this.verifyUrl(recognition.verifyCode),
    };
  }

  /** The signed-in worker's own titles. */
  async mine(actor: Actor): Promise<MyTitle[]> {
    if (!actor.workerId) return [];
    const recognitions = await this.repository.recognitionsOfWorker(actor.workerId);
    const branches = await this.branchNames(recognitions.map((r) => r.branchId));
    const today = todayInVietnam();
    return recognitions.map((r) => ({
      id: r.id,
      year: r.year,
      certificateNo: r.certificateNo,
      decisionNo: r.decisionNo,
      decisionDate: r.decisionDate,
      issuer: r.issuerName ?? branches.get(r.branchId) ?? '',
      status: certificateStatus(r, today),
      recognisedAt: r.recognisedAt,
      pdfUrl: r.certificateNo ? this.pdfPath(r.id) : null,
    }));
  }

  /**
   * The certificate PDF, for its holder, the officer of the application's enterprise and the
   * reviewers of a branch covering it; anyone else gets 404, as if it did not exist.
   */
  async pdf(actor: Actor, recognitionId: number): Promise<{ filename: string; content: Buffer }> {
    const detail = await this.detailOf(await this.repository.recognitionById(recognitionId));
    if (!detail?.recognition.certificateNo || !(await this.mayRead(actor, detail)))
      throw new OutOfScopeException();
    return {
      filename: `cong-dan-hoc-tap-${detail.recognition.certificateNo}.pdf`,
      content: await this.render(detail, CERTIFICATE_LOCALE),
    };
  }

  /** The holder's name and the issuing branch's, from the workers and organisations domains. */
  private async detailOf(recognition: Recognition | null): Promise<RecognitionDetail | null> {
    if (!recognition) return null;
    const [holders, branches] = await Promise.all([
      this.workers.namesOf([recognition.workerId]),
      this.branchNames([recognition.branchId]),
    ]);
    return {
      recognition,
      holderName: holders.get(recognition.workerId) ?? '',
      branchName: recognition.issuerName ?? branches.get(recognition.branchId) ?? '',
    };
  }

  private async branchNames(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const found = await this.branches.findByIds([...new Set(ids)]);
    return new Map(found.map((b) => [b.id, b.name]));
  }

  private async mayRead(actor: Actor, detail: RecognitionDetail): Promise<boolean> {
    if (actor.workerId !== null && actor.workerId === detail.recognition.workerId) return true;
    const id = detail.recognition.applicationId;
    if (id === null) return false;
    for (const check of [() => this.access.forOfficer(actor, id), () => this.access.forReviewer(actor, id)]) {
      try {
        await check();
        return true;
      } catch (error) {
        if (!(error instanceof OutOfScopeException)) throw error;
      }
    }
    return false;
  }

  /** A4 portrait, with the QR code of the public check. */
  private async render(detail: RecognitionDetail, locale: Locale): Promise<Buffer> {
    const { recognition } = detail;
    const { year } = recognition;
    const url = this.verifyUrl(recognition.verifyCode);
    const qr = await qrPng(url);
    const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
    const title = t('review.certificate.titleName');
    return renderPdf(
      {
        layout: 'portrait',
        margin: 0,
        info: {
          Title: t('review.certificate.documentTitle', { title, year }),
          Author: detail.branchName,
          Subject: recognition.certificateNo ?? '',
        },
      },
      (doc) => {
        const width = doc.page.width;
        const height = doc.page.height;
        const inner = { x: 60, width: width - 120 };
        const centred = { width: inner.width, align: 'center' as const };
        doc
          .lineWidth(3)
          .strokeColor('#a8141b')
          .rect(22, 22, width - 44, height - 44)
          .stroke();
        doc
          .lineWidth(1)
          .strokeColor('#c9a227')
          .rect(30, 30, width - 60, height - 60)
          .stroke();
        doc.fillColor('#1b1f24');

        doc.font('bold').fontSize(12).text(translate(locale, 'certificate.nation'), inner.x, 64, centred);
        doc.font('regular').fontSize(12).text(translate(locale, 'certificate.motto'), centred);
        doc.moveDown(1.2);
        doc.font('bold').fontSize(14).text(detail.branchName.toUpperCase(), centred);

        doc.moveDown(2);
        doc.font('bold').fontSize(32).fillColor('#a8141b').text(t('review.certificate.heading'), centred);
        doc.moveDown(0.4);
        doc
          .font('regular')
          .fontSize(15)
          .fillColor('#1b1f24')
          .text(t('review.certificate.titleLabel'), centred);
        doc.font('bold').fontSize(28).fillColor('#a8141b').text(title.toUpperCase(), centred);
        doc
          .font('bold')
          .fontSize(18)
          .fillColor('#1b1f24')
          .text(t('review.certificate.year', { year }), centred);

        doc.moveDown(1.6);
        doc.font('regular').fontSize(14).text(t('review.certificate.certifies'), centred);
        doc.moveDown(0.3);
        doc.font('bold').fontSize(26).text(detail.holderName, centred);
        doc.moveDown(0.6);
        doc
          .font('regular')
          .fontSize(13)
          .text(
            t('review.certificate.body', { title, year, validUntil: formatDate(validUntil(year)) }),
            inner.x + 20,
            doc.y,
            { width: inner.width - 40, align: 'center' },
          );

        const facts: [string, string][] = [
          [t('review.certificate.number'), recognition.certificateNo ?? ''],
          [t('review.certificate.issuer'), detail.branchName],
          [t('review.certificate.recognisedOn'), formatDate(recognition.recognisedAt)],
        ];
        let y = height - 300;
        for (const [label, value] of facts) {
          doc
            .font('bold')
            .fontSize(12)
            .text(`${label}: `, inner.x + 10, y, { continued: true, width: inner.width - 190 });
          doc.font('regular').text(value);
          y = doc.y + 6;
        }
        if (recognition.revokedAt) {
          const date = formatDate(recognition.revokedAt);
          this.revokedMark(doc, t('review.certificate.revoked', { date }), inner);
        }

        const qrSize = 130;
        const qrX = width - 60 - qrSize;
        const qrY = height - 300;
        doc.image(qr, qrX, qrY, { width: qrSize, height: qrSize });
        doc
          .font('regular')
          .fontSize(9)
          .fillColor('#1b1f24')
          .text(t('review.certificate.scan'), qrX - 30, qrY + qrSize + 4, {
            width: qrSize + 60,
            align: 'center',
          });
        doc
          .fontSize(8)
          .fillColor('#5a6270')
          .text(url, inner.x + 10, height - 90, { width: inner.width - 20, link: url });
      },
    );
  }

  private revokedMark(doc: PDFKit.PDFDocument, text: string, inner: { x: number; width: number }) {
    doc
      .font('bold')
      .fontSize(16)
      .fillColor('#b3261e')
      .text(text, inner.x, doc.y + 12, {
        width: inner.width,
        align: 'center',
      })
      .fillColor('#1b1f24');
  }
}
