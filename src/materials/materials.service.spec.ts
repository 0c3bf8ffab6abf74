import { EntityManager } from 'typeorm';
import { CoursesRepository } from '../catalog/courses.repository';
import { CourseStatus, Licence } from '../catalog/entities/course.entity';
import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { FormError } from '../common/errors/form-error';
import { AppConfig } from '../config';
import { UnitOfWork } from '../database/unit-of-work';
import { FilesService } from '../files/files.service';
import { DomainCode } from '../learning-records/learning-domains';
import { MaterialDto } from './dto/material.dto';
import { AuthorType, LearningMaterial, MaterialKind } from './entities/learning-material.entity';
import { learningResource } from './materials.lrmi';
import { MaterialRow, MaterialsRepository, splitKeywords } from './materials.repository';
import { MaterialsService, publishProblems } from './materials.service';

const editor = new Actor(11, 'Võ Thị Mai', [
  { role: Role.InstitutionEditor, scopeType: ScopeType.Institution, scopeId: 3 },
]);

const row = (fields: Partial<MaterialRow> = {}): MaterialRow => ({
  id: 4,
  title: 'Sổ tay an toàn lao động',
  description: 'Sổ tay bỏ túi',
  kind: MaterialKind.File,
  url: null,
  licence: Licence.CcBy,
  author: 'Khoa Kỹ thuật',
  authorType: AuthorType.Organization,
  language: 'vi',
  keywords: ['an toàn lao động', 'bảo hộ'],
  status: CourseStatus.Published,
  downloadCount: 7,
  institutionId: 3,
  institutionName: 'Trường Cao đẳng Cộng đồng Đắk Nông',
  institutionWebsite: 'https://cdcd.daknong.edu.vn',
  domains: [DomainCode.Vocational],
  file: { id: 9, kind: 'PDF', mime: 'application/pdf', sizeBytes: 2048, originalName: 'so-tay.pdf' },
  publishedAt: new Date('2025-10-01T02:00:00Z'),
  createdAt: new Date('2025-09-30T02:00:00Z'),
  updatedAt: new Date('2025-10-02T03:04:05Z'),
  ...fields,
});

function setup() {
  const materials = { insert: jest.fn(async () => ({ id: 12 }) as LearningMaterial) };
  const files = { store: jest.fn() };
  const unitOfWork = { run: jest.fn((work: (m: EntityManager) => unknown) => work({} as EntityManager)) };
  const sut = new MaterialsService(
    materials as unknown as MaterialsRepository,
    {} as CoursesRepository,
    files as unknown as FilesService,
    unitOfWork as unknown as UnitOfWork,
    { publicUrl: 'https://hoctap.example.vn' } as AppConfig,
  );
  return { sut, materials, files };
}

const dto = (fields: Partial<MaterialDto> = {}): MaterialDto => ({
  title: 'Cổng Dịch vụ công quốc gia',
  kind: MaterialKind.Link,
  url: 'https://dichvucong.gov.vn',
  licence: Licence.AllRightsReserved,
  author: 'Văn phòng Chính phủ',
  language: 'vi',
  domains: [DomainCode.Digital],
  keywords: 'dịch vụ công, VNeID; Dịch vụ công',
  ...fields,
});

describe(MaterialsService.name, () => {
  it('saves a link with a search key over its title and keywords', async () => {
    const { sut, materials, files } = setup();
    await sut.create(editor, dto());
    expect(materials.insert).toHaveBeenCalledWith(
      expect.objectContaining({
        institutionId: 3,
        fileId: null,
        url: 'https://dichvucong.gov.vn',
        keywords: 'dịch vụ công, VNeID',
        searchKey: 'cong dich vu cong quoc gia dich vu cong vneid',
      }),
      [DomainCode.Digital],
      expect.anything(),
    );
    expect(files.store).not.toHaveBeenCalled();
  });

  it('needs the address of a link and the file of a file material', async () => {
    const { sut, materials } = setup();
    await expect(sut.create(editor, dto({ url: undefined }))).rejects.toBeInstanceOf(FormError);
    expect(materials.insert).not.toHaveBeenCalled();
    expect(publishProblems({ kind: MaterialKind.File, fileId: null, url: null, domains: [] })).toEqual({
      file: { key: 'materials.publish.noFile' },
      domains: { key: 'materials.publish.noDomains' },
    });
  });

  it('keeps editors to their own institution when creating', async () => {
    const { sut } = setup();
    const error = await sut.create(editor, dto({ institutionId: 8 })).catch((e: unknown) => e);
    expect((error as FormError).fieldErrors.institutionId.key).toBe('catalog.institution.outOfScope');
  });

  it('describes a material as a schema.org LearningResource with its licence (LRMI)', () => {
    const data = learningResource(
      row(),
      'https://hoctap.example.vn',
      new Map([[DomainCode.Vocational, 'Kỹ năng nghề nghiệp']]),
    );
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'LearningResource',
      '@id': 'https://hoctap.example.vn/materials/4',
      url: 'https://hoctap.example.vn/materials/4',
      identifier: 'https://hoctap.example.vn/materials/4',
      name: 'Sổ tay an toàn lao động',
      description: 'Sổ tay bỏ túi',
      inLanguage: 'vi',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      isAccessibleForFree: true,
      author: { '@type': 'Organization', name: 'Khoa Kỹ thuật' },
      publisher: {
        '@type': 'EducationalOrganization',
        name: 'Trường Cao đẳng Cộng đồng Đắk Nông',
        url: 'https://cdcd.daknong.edu.vn',
      },
      keywords: 'an toàn lao động, bảo hộ',
      educationalUse: 'self-study',
      learningResourceType: 'text',
      audience: { '@type': 'EducationalAudience', educationalRole: 'worker' },
      about: [
        {
          '@type': 'DefinedTerm',
          termCode: 'VOCATIONAL',
          name: 'Kỹ năng nghề nghiệp',
          inDefinedTermSet: 'https://hoctap.example.vn/materials?domain=VOCATIONAL',
        },
      ],
      dateCreated: '2025-09-30',
      datePublished: '2025-10-01',
      dateModified: '2025-10-02T03:04:05.000Z',
      creativeWorkStatus: 'Published',
      encodingFormat: 'application/pdf',
      contentUrl: 'https://hoctap.example.vn/materials/4/download',
      contentSize: '2048 B',
    });
  });

  it('types the author as the editor said: a person or an organisation', () => {
    const domains = new Map<DomainCode, string>();
    expect(learningResource(row(), 'https://x.vn', domains).author).toEqual({
      '@type': 'Organization',
      name: 'Khoa Kỹ thuật',
    });
    expect(
      learningResource(
        row({ author: 'Nguyễn Văn An', authorType: AuthorType.Person }),
        'https://x.vn',
        domains,
      ).author,
    ).toEqual({ '@type': 'Person', name: 'Nguyễn Văn An' });
  });

  it('points a link’s LRMI at the linked page and marks a reserved licence', () => {
    const data = learningResource(
      row({
        kind: MaterialKind.Link,
        file: null,
        url: 'https://dichvucong.gov.vn',
        licence: Licence.AllRightsReserved,
      }),
      'https://hoctap.example.vn',
      new Map(),
    );
    expect(data).toMatchObject({
      encodingFormat: 'text/html',
      contentUrl: 'https://dichvucong.gov.vn',
      learningResourceType: 'website',
      copyrightNotice: 'All rights reserved',
    });
    expect(data.license).toBeUndefined();
  });

  it('splits keywords on commas and semicolons, once each', () => {
    expect(splitKeywords(' an toàn ,bảo hộ;  An toàn\nPCCC,, ')).toEqual(['an toàn', 'bảo hộ', 'PCCC']);
    expect(splitKeywords(null)).toEqual([]);
  });
});
