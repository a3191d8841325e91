import { type FrameworkDefinition, maxLevel, scaleOf } from './framework.js';
import { computeIndex, type Levels } from './index-engine.js';

export interface PlanStep {
  no: number;
  from: number;
  to: number;
  /** Effort of one level step on this indicator, as the user set it (1 by default). */
  effortPerLevel: number;
  effort: number;
}

export type Plan =
  | { reachable: true; steps: PlanStep[]; totalEffort: number; index: number; rating: string }
  | { reachable: false; maximumIndex: number };

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Weights as integers: the smallest power of ten (up to 10⁴) that makes every weight whole. */
function integerWeights(def: FrameworkDefinition): { scale: number; units: number[] } | null {
  for (const scale of [1, 10, 100, 1000, 10000]) {
    const scaled = def.indicators.map((i) => i.weight * scale);
    if (scaled.every((w) => Math.abs(w - Math.round(w)) < 1e-6)) {
      return { scale, units: scaled.map(Math.round) };
    }
  }
  return null;
}

/** Whether the planner can work on this framework's weights (decimal weights; not 20/6). */
export const canPlan = (def: FrameworkDefinition) => integerWeights(def) !== null;

/**
 * The cheapest set of level raises that brings the index to at least `target`: minimise
 * Σ effortᵢ × (newᵢ − levelᵢ) subject to Σ weightᵢ × newᵢ / Σ weightᵢ ≥ target and newᵢ ≤ the scale's
 * top. Raising indicator i by one level adds weightᵢ/100 to the index (59/2020 A.4: the nested
 * weights make the index Σ NI × BI / 100), so this is a bounded covering knapsack. It is solved
 * exactly by dynamic programming over the missing index in integer weight units (weights are
 * decimals: ×100 for 59/2020, then divided by their gcd, so the table is at most a few thousand
 * wide); ties go to fewer level steps. Returns null for a framework whose weights are not decimal.
 */
export function planTarget(
  def: FrameworkDefinition,
  levels: Levels,
  target: number,
  efforts: ReadonlyMap<number, number> = new Map(),
): Plan | null {
  const weights = integerWeights(def);
  if (!weights) return null;
  const g = weights.units.reduce((a, b) => gcd(a, b));
  const units = weights.units.map((u) => u / g);
  const inds = def.indicators.map((ind, k) => {
    const level = levels.get(ind.no);
    if (level === undefined) throw new Error(`level of indicator ${ind.no} missing`);
    return {
      no: ind.no,
      level,
      max: maxLevel(scaleOf(def, ind.no)),
      unit: units[k] ?? 0,
      effort: efforts.get(ind.no) ?? 1,
    };
  });
  const current = inds.reduce((s, i) => s + i.unit * i.level, 0);
  // index ≥ target ⇔ Σ weight × level ≥ total × target ⇔ Σ unit × level ≥ total × target × scale / g
  // (total = 100 in 59/2020).
  const total = def.indicators.reduce((s, i) => s + i.weight, 0);
  const required = Math.ceil((total * target * weights.scale) / g - 1e-7);
  const need = required - current;
  if (need <= 0) {
    const r = computeIndex(def, levels);
    return { reachable: true, steps: [], totalEffort: 0, index: r.index, rating: r.rating };
  }
  const best = inds.reduce((s, i) => s + i.unit * i.max, 0);
  if (best < required) {
    const top = new Map(inds.map((i) => [i.no, i.max]));
    return { reachable: false, maximumIndex: computeIndex(def, top).index };
  }
  // One 0/1 item per possible level step; cost[x] = cheapest way to add at least x units.
  const items = inds.flatMap((ind) =>
    Array.from({ length: ind.max - ind.level }, () => ({
      no: ind.no,
      unit: ind.unit,
      cost: ind.effort,
    })),
  );
  const cost = new Float64Array(need + 1).fill(Number.POSITIVE_INFINITY);
  const count = new Int32Array(need + 1);
  cost[0] = 0;
  const took = items.map(() => new Uint8Array(need + 1));
  items.forEach((item, k) => {
    const row = took[k] as Uint8Array;
    for (let x = need; x >= 1; x--) {
      const from = Math.max(0, x - item.unit);
      const c = (cost[from] as number) + item.cost;
      const n = (count[from] as number) + 1;
      const cur = cost[x] as number;
      if (c < cur - 1e-9 || (Math.abs(c - cur) <= 1e-9 && n < (count[x] as number))) {
        cost[x] = c;
        count[x] = n;
        row[x] = 1;
      }
    }
  });
  const raised = new Map<number, number>();
  let x = need;
  for (let k = items.length - 1; k >= 0 && x > 0; k--) {
    const item = items[k];
    if (item && took[k]?.[x]) {
      raised.set(item.no, (raised.get(item.no) ?? 0) + 1);
      x = Math.max(0, x - item.unit);
    }
  }
  const steps = inds
    .filter((i) => raised.has(i.no))
    .map((i) => {
      const by = raised.get(i.no) ?? 0;
      return {
        no: i.no,
        from: i.level,
        to: i.level + by,
        effortPerLevel: i.effort,
        effort: by * i.effort,
      };
    });
  const after = new Map(levels);
  for (const s of steps) after.set(s.no, s.to);
  const r = computeIndex(def, after);
  return {
    reachable: true,
    steps,
    totalEffort: steps.reduce((s, st) => s + st.effort, 0),
    index: r.index,
    rating: r.rating,
  };
}
