import { SnapshotLevel } from './entities/snapshot.entity';

/** The eight figures of one organisation in a snapshot. */
export interface Figures {
  population: number;
  declaredHeadcount: number;
  denominator: number;
  law: number;
  vocational: number;
  lifeSkills: number;
  digital: number;
  learningCitizen: number;
}

export const FIGURE_KEYS: (keyof Figures)[] = [
  'population',
  'declaredHeadcount',
  'denominator',
  'law',
  'vocational',
  'lifeSkills',
  'digital',
  'learningCitizen',
];

export const zeroFigures = (): Figures => ({
  population: 0,
  declaredHeadcount: 0,
  denominator: 0,
  law: 0,
  vocational: 0,
  lifeSkills: 0,
  digital: 0,
  learningCitizen: 0,
});

/**
 * An enterprise placed on the tree in force on the snapshot's date: the units from the root of the
 * plan's territory down to the unit the enterprise lies in (root first, that unit last).
 */
export interface PlacedEnterprise {
  enterpriseId: number;
  chain: number[];
  figures: Figures;
}

export interface SnapshotRowData extends Figures {
  level: SnapshotLevel;
  orgId: number;
  parentUnitId: number | null;
}

/**
 * Sums enterprise figures up the tree: every unit on an enterprise's chain gets its figures, the
 * first unit of the chain as the PROVINCE row (the root in force), the others as UNIT rows under
 * their parent; the enterprise row hangs under the last unit. Denominators add up as they are
 * (each enterprise's is already the larger of headcount and population).
 */
export function rollUp(enterprises: PlacedEnterprise[]): SnapshotRowData[] {
  const units = new Map<number, SnapshotRowData>();
  const rows: SnapshotRowData[] = [];
  for (const { enterpriseId, chain, figures } of enterprises) {
    if (chain.length === 0) continue;
    rows.push({
      level: SnapshotLevel.Enterprise,
      orgId: enterpriseId,
      parentUnitId: chain[chain.length - 1],
      ...figures,
    });
    chain.forEach((unitId, depth) => {
      let row = units.get(unitId);
      if (!row) {
        row = {
          level: depth === 0 ? SnapshotLevel.Province : SnapshotLevel.Unit,
          orgId: unitId,
          parentUnitId: depth === 0 ? null : chain[depth - 1],
          ...zeroFigures(),
        };
        units.set(unitId, row);
      }
      for (const key of FIGURE_KEYS) row[key] += figures[key];
    });
  }
  return [...rows, ...units.values()];
}
