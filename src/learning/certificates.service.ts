import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { translate } from '../common/i18n/i18n';
import { Locale } from '../common/i18n/messages';
import { CERTIFICATE_LOCALE, qrPng, renderPdf } from '../common/pdf/pdf';
import { formatDate, formatHours } from '../common/views/view-helpers';
import { CatalogService } from '../catalog/catalog.service';
import { AppConfig, appConfig } from '../config';
import { DomainCode } from '../learning-records/learning-domains';
import { CertificateDetail, LearningRepository } from './learning.repository';
import { maskName, normaliseCertificateCode } from './learning.rules';
import { workerOf } from './learning.service';
import { todayInVietnam } from '../common/time/vietnam-time';

/** What the public check shows: enough to trust the paper, nothing more about the person. */
export interface CertificateVerification {
  valid: true;
  code: string;
  /** The holder's name partly masked ("Nguyễn V*** A**"). */
  holder: string;
  courseTitle: string;
  institutionName: string;
  /** YYYY-MM-DD, in Vietnam's time zone. */
  completedOn: string;
  hours: number;
  domains: DomainCode[];
  verifyUrl: string;
}

/** Course certificates: the PDF for its holder, and the public check anyone can open from its QR code. */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly learning: LearningRepository,
    private readonly catalog: CatalogService,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  /** The address the QR code encodes. */
  verifyUrl(code: string): string {
    return `${this.config.publicUrl}/verify/courses/${encodeURIComponent(code)}`;
  }

  /** Anyone may check a code; an unknown one is simply not found. */
  async verify(code: string): Promise<CertificateVerification> {
    const detail = await this.find(code);
    if (!detail) throw new NotFoundException();
    return {
      valid: true,
      code: detail.certificate.code,
      holder: maskName(detail.workerName),
      courseTitle: detail.courseTitle,
      institutionName: detail.institutionName,
      completedOn: todayInVietnam(detail.completedAt),
      hours: detail.certificate.hours,
      domains: detail.domains,
      verifyUrl: this.verifyUrl(detail.certificate.code),
    };
  }

  /** The certificate as a PDF, for its holder only (anyone else: 404, as if it did not exist). */
  async pdf(actor: Actor, code: string): Promise<{ filename: string; content: Buffer }> {
    const workerId = workerOf(actor);
    const detail = await this.find(code);
    if (!detail || detail.certificate.workerId !== workerId) throw new OutOfScopeException();
    return {
      filename: `chung-nhan-${detail.certificate.code}.pdf`,
      content: await this.render(detail, CERTIFICATE_LOCALE),
    };
  }

  private async find(code: string): Promise<CertificateDetail | null> {
    const normalised = normaliseCertificateCode(code);
    const found = normalised ? await this.learning.certificateByCode(normalised) : null;
    // The course's domains (course_domains) are the catalog's.
    return found && { ...found, domains: await this.catalog.domainsOf(found.certificate.courseId) };
  }

  /** A4 landscape, with the QR code of the public check. */
  private async render(detail: CertificateDetail, locale: Locale): Promise<Buffer> {
    const url = this.verifyUrl(detail.certificate.code);
    const qr = await qrPng(url);
    const title = translate(locale, 'learning.certificate.title');
    const domains = detail.domains.map((d) => translate(locale, `domain.${d}`)).join('; ');
    const hours = formatHours(detail.certificate.hours, locale);
    return renderPdf(
      {
        layout: 'landscape',
        margin: 0,
        info: { Title: `${title} — ${detail.courseTitle}`, Author: 'hoctap' },
      },
      (doc) => {
        const width = doc.page.width;
        const height = doc.page.height;
        const inner = { x: 56, width: width - 112 };
        doc
          .lineWidth(3)
          .strokeColor('#0b5cad')
          .rect(20, 20, width - 40, height - 40)
          .stroke();
        doc
          .lineWidth(1)
          .strokeColor('#0b5cad')
          .rect(28, 28, width - 56, height - 56)
          .stroke();
        doc.fillColor('#1b1f24');

        doc.font('bold').fontSize(12).text(translate(locale, 'certificate.nation'), inner.x, 50, {
          width: inner.width,
          align: 'center',
        });
        doc
          .font('regular')
          .fontSize(11)
          .text(translate(locale, 'certificate.motto'), { width: inner.width, align: 'center' });

        doc.moveDown(1.6);
        doc
          .font('bold')
          .fontSize(26)
          .fillColor('#0b5cad')
          .text(title, { width: inner.width, align: 'center' });
        doc.fillColor('#1b1f24').moveDown(0.8);
        doc
          .font('regular')
          .fontSize(14)
          .text(translate(locale, 'learning.certificate.certifies'), { width: inner.width, align: 'center' });
        doc.moveDown(0.2);
        doc.font('bold').fontSize(24).text(detail.workerName, { width: inner.width, align: 'center' });
        doc.moveDown(0.3);
        doc
          .font('regular')
          .fontSize(14)
          .text(translate(locale, 'learning.certificate.completed'), { width: inner.width, align: 'center' });
        doc.moveDown(0.2);
        doc.font('bold').fontSize(18).text(detail.courseTitle, { width: inner.width, align: 'center' });
        doc.moveDown(0.3);
        doc
          .font('regular')
          .fontSize(13)
          .text(
            translate(locale, 'learning.certificate.organisedBy', { institution: detail.institutionName }),
            {
              width: inner.width,
              align: 'center',
            },
          );

        const factsTop = height - 200;
        const facts: [string, string][] = [
          [
            translate(locale, 'learning.certificate.hours'),
            translate(locale, 'learning.certificate.hoursValue', { hours }),
          ],
          [translate(locale, 'learning.certificate.domains'), domains || '—'],
          [translate(locale, 'learning.certificate.completedOn'), formatDate(detail.completedAt)],
          [translate(locale, 'learning.certificate.code'), detail.certificate.code],
        ];
        let y = factsTop;
        for (const [label, value] of facts) {
          doc
            .font('bold')
            .fontSize(12)
            .text(`${label}: `, inner.x + 20, y, { continued: true });
          doc.font('regular').text(value, { width: width - 360 });
          y = doc.y + 6;
        }

        const qrSize = 120;
        const qrX = width - 56 - qrSize - 10;
        const qrY = height - 56 - qrSize - 30;
        doc.image(qr, qrX, qrY, { width: qrSize, height: qrSize });
        doc
          .font('regular')
          .fontSize(9)
          .text(translate(locale, 'learning.certificate.scan'), qrX - 40, qrY + qrSize + 4, {
            width: qrSize + 80,
            align: 'center',
          });
        doc
          .fontSize(8)
          .fillColor('#5a6270')
          .text(url, inner.x + 20, height - 60, { width: width - 300, link: url });
      },
    );
  }
}
