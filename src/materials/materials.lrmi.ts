import { CourseStatus, LICENCE_URL } from '../catalog/entities/course.entity';
import { DomainCode } from '../learning-records/learning-domains';
import { AuthorType } from './entities/learning-material.entity';
import { MaterialRow } from './materials.repository';

/** What kind of resource a file is, in the words LRMI harvesters expect. */
const RESOURCE_TYPE: Record<string, string> = {
  PDF: 'text',
  DOCX: 'text',
  PPTX: 'presentation',
  XLSX: 'spreadsheet',
  MP4: 'video',
  MOV: 'video',
  PNG: 'image',
  JPEG: 'image',
  GIF: 'image',
  WEBP: 'image',
};

const WORK_STATUS: Record<CourseStatus, string> = {
  [CourseStatus.Draft]: 'Draft',
  [CourseStatus.Published]: 'Published',
  [CourseStatus.Archived]: 'Archived',
};

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : undefined);

/**
 * A material as a schema.org LearningResource with LRMI properties: what the material page embeds as
 * JSON-LD and what /api/v1/materials returns for harvesting by other portals. `baseUrl` is the
 * public address of this site (PUBLIC_URL); `domainNames` names the learning domains.
 */
export function learningResource(
  material: MaterialRow,
  baseUrl: string,
  domainNames: Map<DomainCode, string>,
): Record<string, unknown> {
  const page = `${baseUrl}/materials/${material.id}`;
  const licence = LICENCE_URL[material.licence] ?? undefined;
  const file = material.file;
  return {
    '@context': 'https://schema.org',
    '@type': 'LearningResource',
    '@id': page,
    url: page,
    identifier: page,
    name: material.title,
    description: material.description ?? undefined,
    inLanguage: material.language,
    ...(licence ? { license: licence } : { copyrightNotice: 'All rights reserved' }),
    isAccessibleForFree: true,
    author: {
      '@type': material.authorType === AuthorType.Organization ? 'Organization' : 'Person',
      name: material.author,
    },
    publisher: {
      '@type': 'EducationalOrganization',
      name: material.institutionName,
      ...(material.institutionWebsite ? { url: material.institutionWebsite } : {}),
    },
    keywords: material.keywords.length > 0 ? material.keywords.join(', ') : undefined,
    educationalUse: 'self-study',
    learningResourceType: file ? (RESOURCE_TYPE[file.kind] ?? 'text') : 'website',
    audience: { '@type': 'EducationalAudience', educationalRole: 'worker' },
    about: material.domains.map((code) => ({
      '@type': 'DefinedTerm',
      termCode: code,
      name: domainNames.get(code) ?? code,
      inDefinedTermSet: `${baseUrl}/materials?domain=${code}`,
    })),
    dateCreated: isoDate(material.createdAt),
    datePublished: isoDate(material.publishedAt),
    dateModified: material.updatedAt.toISOString(),
    creativeWorkStatus: WORK_STATUS[material.status],
    encodingFormat: file ? file.mime : 'text/html',
    contentUrl: file ? `${page}/download` : (material.url ?? undefined),
    ...(file ? { contentSize: `${file.sizeBytes} B` } : {}),
  };
}
