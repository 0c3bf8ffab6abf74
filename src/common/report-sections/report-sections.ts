import { Injectable } from '@nestjs/common';

/**
 * Sections other domains add to the annual report (learning needs, commendations, enterprises'
 * support…), beside the indicator figures the reports domain computes itself. A section is plain
 * data: headers are message keys, cells are numbers or text (names as they are written, in
 * Vietnamese), so the page, the XLSX and the PDF render every section the same way, and a
 * submitted report freezes them with its figures.
 */
export interface ReportSectionTable {
  /** Message key of the table's caption. */
  caption: string;
  /** Message keys of the column headers; `numeric` columns are right-aligned and summed nowhere. */
  columns: { label: string; numeric?: boolean }[];
  /** One array of cells per row, in column order; null prints as empty. */
  rows: (string | number | null)[][];
}

export interface ReportSection {
  /** Stable key (the provider's), e.g. 'surveys'. */
  key: string;
  /** Message key of the section's heading. */
  title: string;
  /** Message key of a sentence shown under the heading, if any. */
  note?: string;
  tables: ReportSectionTable[];
}

/** Whose report asks: the whole province (the federation's report) or one administrative unit's. */
export interface ReportSectionQuery {
  year: number;
  /** null for the province report; a unit's id for a unit's (commune's) report. */
  unitId: number | null;
}

export interface ReportSectionProvider {
  /** Stable key, also the section's. */
  readonly key: string;
  /** Sections are shown by ascending order. */
  readonly order: number;
  /** The section for this report, or null when the domain has nothing to say for it. */
  section(query: ReportSectionQuery): Promise<ReportSection | null>;
}

/** Where domains register their report sections (at module init); the reports domain asks them all. */
@Injectable()
export class ReportSections {
  private readonly providers: ReportSectionProvider[] = [];

  register(provider: ReportSectionProvider): void {
    if (this.providers.some((p) => p.key === provider.key))
      throw new Error(`Report section "${provider.key}" is registered twice`);
    this.providers.push(provider);
    this.providers.sort((a, b) => a.order - b.order);
  }

  /** Every section that has something to say for the query, in order. */
  async collect(query: ReportSectionQuery): Promise<ReportSection[]> {
    const sections: ReportSection[] = [];
    for (const provider of this.providers) {
      const section = await provider.section(query);
      if (section && section.tables.length > 0) sections.push(section);
    }
    return sections;
  }
}
