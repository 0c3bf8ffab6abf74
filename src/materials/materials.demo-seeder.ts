import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CoursesRepository } from '../catalog/courses.repository';
import { CourseStatus, Licence } from '../catalog/entities/course.entity';
import { renderPdf } from '../common/pdf/pdf';
import { foldVietnamese } from '../common/text/vietnamese';
import { readSeed } from '../common/seed-files';
import { UnitOfWork } from '../database/unit-of-work';
import { FileKind } from '../files/file-kinds';
import { FilesService } from '../files/files.service';
import { DomainCode } from '../learning-records/learning-domains';
import { UsersRepository } from '../users/users.repository';
import { AuthorType, MaterialKind } from './entities/learning-material.entity';
import { MaterialsRepository, splitKeywords } from './materials.repository';
import { MATERIAL_OWNER } from './materials.service';

interface DemoMaterials {
  institution: string;
  editor: string;
  materials: {
    title: string;
    description: string;
    kind: MaterialKind;
    url?: string;
    /** A small PDF drawn at seeding time. */
    file?: { name: string; heading: string; sections: { title: string; lines: string[] }[] };
    licence: Licence;
    author: string;
    authorType?: AuthorType;
    language: string;
    domains: DomainCode[];
    keywords: string;
    publishedDaysAgo: number;
  }[];
}

const DAY = 86_400_000;

/**
 * The demo institution's open learning materials (seeds/demo/materials.json): links to public
 * sites, and two one-page PDFs drawn here and kept through the upload store like any upload.
 */
@Injectable()
export class MaterialsDemoSeeder {
  private readonly logger = new Logger(MaterialsDemoSeeder.name);

  constructor(
    private readonly materials: MaterialsRepository,
    private readonly courses: CoursesRepository,
    private readonly files: FilesService,
    private readonly users: UsersRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async seed(now = new Date()): Promise<void> {
    const data = readSeed<DemoMaterials>('demo/materials.json');
    const institutionId = await this.courses.institutionIdByName(data.institution);
    if (!institutionId) throw new Error(`Demo materials need the demo institution: ${data.institution}`);
    const editorId = (await this.users.findForLogin({ username: data.editor }))?.id ?? null;
    const existing = new Set(
      (await this.materials.page({ institutionIds: [institutionId] }, 0, 1000))[0].map((m) => m.title),
    );
    let count = 0;
    for (const demo of data.materials) {
      if (existing.has(demo.title)) continue;
      const keywords = splitKeywords(demo.keywords);
      const save = async (fileId: number | null, manager: EntityManager) => {
        const material = await this.materials.insert(
          {
            title: demo.title,
            searchKey: foldVietnamese([demo.title, ...keywords].join(' ')).slice(0, 600),
            description: demo.description,
            kind: demo.kind,
            url: demo.kind === MaterialKind.Link ? (demo.url ?? null) : null,
            licence: demo.licence,
            author: demo.author,
            authorType: demo.authorType ?? AuthorType.Person,
            language: demo.language,
            keywords: keywords.join(', '),
            institutionId,
            fileId,
            createdBy: editorId,
          },
          demo.domains,
          manager,
        );
        await this.materials.update(
          material.id,
          {
            status: CourseStatus.Published,
            publishedAt: new Date(now.getTime() - demo.publishedDaysAgo * DAY),
          },
          manager,
        );
        return material.id;
      };
      if (demo.kind === MaterialKind.File && demo.file) {
        const file = demo.file;
        const bytes = await renderPdf({ info: { Title: demo.title, Author: demo.author } }, (doc) => {
          doc.font('bold').fontSize(18).text(file.heading, { align: 'center' }).moveDown(0.5);
          doc
            .font('regular')
            .fontSize(10)
            .fillColor('#444')
            .text(demo.author, { align: 'center' })
            .moveDown(1.5);
          for (const section of file.sections) {
            doc.font('bold').fontSize(13).fillColor('#0b5cad').text(section.title).moveDown(0.3);
            doc.font('regular').fontSize(11).fillColor('#1b1f24');
            for (const line of section.lines) doc.text(`•  ${line}`, { indent: 8 }).moveDown(0.2);
            doc.moveDown(0.8);
          }
          doc.fontSize(9).fillColor('#5a6270').text(`Giấy phép: ${demo.licence}`, { align: 'right' });
        });
        await this.files.storeBytes(
          bytes,
          file.name,
          { ownerType: MATERIAL_OWNER, ownerId: 0, allowed: [FileKind.Pdf], uploadedBy: null },
          async (stored, manager) => this.files.setOwner(stored.id, await save(stored.id, manager), manager),
        );
      } else {
        await this.unitOfWork.run((manager) => save(null, manager));
      }
      count++;
    }
    this.logger.log(`demo materials: ${count} published`);
  }
}
