/**
 * An evaluation framework as data: domains, aspects, indicators with weights, level scales with
 * their criteria text, predikat bands. PermenPANRB 59/2020 (Lampiran, B.1 "Struktur Penilaian
 * Tingkat Kematangan SPBE") and the 2018 framework are shipped as JSON in `frameworks/` and loaded
 * into `evaluation_frameworks` by a custom migration; a successor (Indeks Pemerintah Digital) is
 * one more JSON file and migration, no code.
 */
export interface LevelName {
  level: number;
  name: string;
}

export interface LevelScale {
  key: string;
  name: string;
  /** The domains whose indicators use this scale (59/2020 Tabel 1: domains 1–3; Tabel 2: domain 4). */
  appliesToDomains: number[];
  levels: LevelName[];
}

export interface PredikatBand {
  name: string;
  /** Inclusive lower bound (59/2020 Tabel 13); a band ends where the next higher one begins. */
  min: number;
}

export interface Domain {
  no: number;
  name: string;
  /** Share of the whole index, in percent (59/2020 Tabel 7). */
  weight: number;
}

export interface Aspect {
  no: number;
  domain: number;
  name: string;
  /** Share of the whole index, in percent (59/2020 Tabel 8). */
  weight: number;
}

export interface Indicator {
  no: number;
  aspect: number;
  name: string;
  /** Share of the whole index, in percent (59/2020 Tabel 9). */
  weight: number;
  question?: string;
  page?: number;
  criteria: { level: number; text: string }[];
}

export interface FrameworkDefinition {
  id: string;
  title: string;
  regulation: string;
  indexName: string;
  validFromYear: number;
  source: string;
  levelScales: LevelScale[];
  predikat: PredikatBand[];
  domains: Domain[];
  aspects: Aspect[];
  indicators: Indicator[];
}

const EPS = 1e-9;

/** The scale an indicator is assessed on (through its aspect's domain). */
export function scaleOf(def: FrameworkDefinition, indicatorNo: number): LevelScale {
  const ind = def.indicators.find((i) => i.no === indicatorNo);
  const aspect = def.aspects.find((a) => a.no === ind?.aspect);
  const scale = def.levelScales.find((s) => s.appliesToDomains.includes(aspect?.domain ?? -1));
  if (!scale) throw new Error(`framework ${def.id}: no level scale for indicator ${indicatorNo}`);
  return scale;
}

export const minLevel = (scale: LevelScale) => Math.min(...scale.levels.map((l) => l.level));
export const maxLevel = (scale: LevelScale) => Math.max(...scale.levels.map((l) => l.level));

/**
 * The structural rules a framework must keep for the index to be the regulation's: every weight
 * is a share of the whole index, an aspect's weight is the sum of its indicators', a domain's the
 * sum of its aspects', and they total 100 (59/2020 Tabel 7–9). Returns the problems found.
 */
export function checkFramework(def: FrameworkDefinition): string[] {
  const problems: string[] = [];
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;
  for (const a of def.aspects) {
    const sum = def.indicators.filter((i) => i.aspect === a.no).reduce((s, i) => s + i.weight, 0);
    if (!near(sum, a.weight)) problems.push(`aspect ${a.no}: indicators sum to ${sum}`);
    if (!def.domains.some((d) => d.no === a.domain)) problems.push(`aspect ${a.no}: no domain`);
  }
  for (const d of def.domains) {
    const sum = def.aspects.filter((a) => a.domain === d.no).reduce((s, a) => s + a.weight, 0);
    if (!near(sum, d.weight)) problems.push(`domain ${d.no}: aspects sum to ${sum}`);
    if (!def.levelScales.some((s) => s.appliesToDomains.includes(d.no))) {
      problems.push(`domain ${d.no}: no level scale`);
    }
  }
  const total = def.domains.reduce((s, d) => s + d.weight, 0);
  if (!near(total, 100)) problems.push(`domains sum to ${total}`);
  for (const i of def.indicators) {
    if (!def.aspects.some((a) => a.no === i.aspect)) problems.push(`indicator ${i.no}: no aspect`);
  }
  if (new Set(def.indicators.map((i) => i.no)).size !== def.indicators.length) {
    problems.push('duplicate indicator numbers');
  }
  if (!def.predikat.some((p) => p.min <= EPS)) problems.push('no predikat band starts at 0');
  return problems;
}

/**
 * The predikat of an index (59/2020 Tabel 13): the band with the highest lower bound not above the
 * value. Applied to the unrounded index, so 3,4999 is "Baik" even though it shows as 3,50 — the
 * regulation gives no rounding rule, and an index below the bound has not reached it.
 */
export function predikatOf(def: Pick<FrameworkDefinition, 'predikat'>, index: number): string {
  const bands = [...def.predikat].sort((a, b) => b.min - a.min);
  const band = bands.find((b) => index + EPS >= b.min) ?? bands[bands.length - 1];
  return band?.name ?? '';
}

/** Two decimals, half up, as official documents show the index (computation stays unrounded). */
export function round2(value: number): number {
  return Math.floor(value * 100 + 0.5 + EPS) / 100;
}
