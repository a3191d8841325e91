import type { FieldError } from '../../platform/errors.js';
import { type Lang, t } from '../../platform/i18n/messages.js';
import {
  type FrameworkDefinition,
  maxLevel,
  minLevel,
  predikatOf,
  round2,
  scaleOf,
} from './framework.js';

/** Indicator number → level. */
export type Levels = ReadonlyMap<number, number>;

export interface IndexResult {
  /** Indeks SPBE, unrounded. */
  index: number;
  rating: string;
  domains: { no: number; name: string; weight: number; index: number }[];
  aspects: { no: number; domain: number; name: string; weight: number; index: number }[];
}

/**
 * Indeks Aspek, Indeks Domain and Indeks SPBE share one form (PermenPANRB 59/2020 Lampiran A.4,
 * p.21–24): (1 / B_parent) × Σ (N_child × B_child), the children's values weighted by their
 * weights, divided by the parent's weight.
 */
export function rollUp(
  parentWeight: number,
  children: { value: number; weight: number }[],
): number {
  return children.reduce((sum, c) => sum + c.value * c.weight, 0) / parentWeight;
}

/**
 * The refusals of a set of levels against a framework: indicators the framework does not have,
 * levels that are not integers on the indicator's scale, indicators without a level (when
 * `complete`). Paths point into `levels`.
 */
export function checkLevels(
  def: FrameworkDefinition,
  levels: Record<string, unknown>,
  lang: Lang,
  { complete = true, path = '/levels' } = {},
): FieldError[] {
  const errors: FieldError[] = [];
  const known = new Set(def.indicators.map((i) => i.no));
  for (const [key, value] of Object.entries(levels)) {
    const no = Number(key);
    if (!/^\d+$/.test(key) || !known.has(no)) {
      errors.push({ path: `${path}/${key}`, message: t(lang, 'evaluation.unknownIndicator') });
      continue;
    }
    const scale = scaleOf(def, no);
    if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      !scale.levels.some((l) => l.level === value)
    ) {
      errors.push({
        path: `${path}/${key}`,
        message: t(lang, 'evaluation.levelOutOfScale', {
          min: minLevel(scale),
          max: maxLevel(scale),
        }),
      });
    }
  }
  if (complete) {
    for (const ind of def.indicators) {
      if (!(String(ind.no) in levels)) {
        errors.push({ path: `${path}/${ind.no}`, message: t(lang, 'evaluation.levelMissing') });
      }
    }
  }
  return errors;
}

/**
 * The index from indicator levels, exactly as the regulation computes it: each aspect from its
 * indicators (Indeks Aspek), each domain from its aspects (Indeks Domain), the whole from the
 * domains (Indeks SPBE), all unrounded; the predikat by the bands (Tabel 13). Levels must be
 * complete and checked (`checkLevels`).
 */
export function computeIndex(def: FrameworkDefinition, levels: Levels): IndexResult {
  const aspects = def.aspects.map((a) => ({
    no: a.no,
    domain: a.domain,
    name: a.name,
    weight: a.weight,
    index: rollUp(
      a.weight,
      def.indicators
        .filter((i) => i.aspect === a.no)
        .map((i) => {
          const level = levels.get(i.no);
          if (level === undefined) throw new Error(`level of indicator ${i.no} missing`);
          return { value: level, weight: i.weight };
        }),
    ),
  }));
  const domains = def.domains.map((d) => ({
    no: d.no,
    name: d.name,
    weight: d.weight,
    index: rollUp(
      d.weight,
      aspects.filter((a) => a.domain === d.no).map((a) => ({ value: a.index, weight: a.weight })),
    ),
  }));
  const total = def.domains.reduce((s, d) => s + d.weight, 0);
  const index = rollUp(
    total,
    domains.map((d) => ({ value: d.index, weight: d.weight })),
  );
  return { index, rating: predikatOf(def, index), domains, aspects };
}

/** Levels with gaps filled by each indicator's lowest level (for a provisional index). */
export function fillMissing(def: FrameworkDefinition, levels: Levels): Map<number, number> {
  return new Map(
    def.indicators.map((i) => [i.no, levels.get(i.no) ?? minLevel(scaleOf(def, i.no))]),
  );
}

/** The result as shown: two decimals (half up), the unrounded index kept beside it. */
export function presentIndex(result: IndexResult) {
  return {
    index: round2(result.index),
    indexUnrounded: result.index,
    rating: result.rating,
    domains: result.domains.map((d) => ({ no: d.no, name: d.name, index: round2(d.index) })),
    aspects: result.aspects.map((a) => ({
      no: a.no,
      domain: a.domain,
      name: a.name,
      index: round2(a.index),
    })),
  };
}
