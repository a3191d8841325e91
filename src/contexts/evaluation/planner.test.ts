import { describe, expect, it } from 'vitest';
import type { FrameworkDefinition } from './framework.js';
import { readShippedFramework } from './frameworks.js';
import { computeIndex } from './index-engine.js';
import { canPlan, planTarget } from './planner.js';

const f2020 = readShippedFramework('permenpanrb-59-2020');

/** A small framework for brute-force comparison: 5 indicators, levels 1–5. */
function tiny(weights: number[]): FrameworkDefinition {
  const total = weights.reduce((a, b) => a + b, 0);
  return {
    id: 'tiny',
    title: 'tiny',
    regulation: '',
    indexName: 'Indeks',
    validFromYear: 2020,
    source: '',
    levelScales: [
      {
        key: 'p',
        name: 'p',
        appliesToDomains: [1],
        levels: [1, 2, 3, 4, 5].map((level) => ({ level, name: `L${level}` })),
      },
    ],
    predikat: [
      { name: 'Sangat Baik', min: 3.5 },
      { name: 'Baik', min: 2.6 },
      { name: 'Kurang', min: 0 },
    ],
    domains: [{ no: 1, name: 'd', weight: total }],
    aspects: [{ no: 1, domain: 1, name: 'a', weight: total }],
    indicators: weights.map((weight, k) => ({
      no: k + 1,
      aspect: 1,
      name: `i${k}`,
      weight,
      criteria: [],
    })),
  };
}

/** Every combination of raises: the true optimum. */
function bruteForce(
  def: FrameworkDefinition,
  levels: Map<number, number>,
  target: number,
  effort: Map<number, number>,
) {
  let best = Number.POSITIVE_INFINITY;
  const nos = def.indicators.map((i) => i.no);
  const walk = (k: number, cur: Map<number, number>, cost: number) => {
    if (k === nos.length) {
      if (computeIndex(def, cur).index + 1e-9 >= target) best = Math.min(best, cost);
      return;
    }
    const no = nos[k] as number;
    const from = levels.get(no) as number;
    for (let to = from; to <= 5; to++) {
      const next = new Map(cur).set(no, to);
      walk(k + 1, next, cost + (to - from) * (effort.get(no) ?? 1));
    }
  };
  walk(0, levels, 0);
  return best;
}

describe('target planner', () => {
  it('finds the cheapest raises, equal to brute force, on many random small cases', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const weightChoices = [1.3, 2.5, 1.5, 2.75, 3, 4.5];
    for (let run = 0; run < 60; run++) {
      const weights = Array.from(
        { length: 5 },
        () => weightChoices[Math.floor(rnd() * 6)] as number,
      );
      const def = tiny(weights);
      const total = weights.reduce((a, b) => a + b, 0);
      // Weights must total 100 for Σ NI × BI / 100; scale the domain instead (rollUp divides by it).
      const levels = new Map(def.indicators.map((i) => [i.no, 1 + Math.floor(rnd() * 4)]));
      const effort = new Map(def.indicators.map((i) => [i.no, 1 + Math.floor(rnd() * 5)]));
      const target = Math.round((computeIndex(def, levels).index + rnd() * 2) * 100) / 100;
      const plan = planTarget(
        { ...def, domains: [{ no: 1, name: 'd', weight: total }] },
        levels,
        target,
        effort,
      );
      const expected = bruteForce(def, levels, target, effort);
      if (!Number.isFinite(expected)) {
        expect(plan?.reachable).toBe(false);
        continue;
      }
      expect(plan?.reachable).toBe(true);
      if (plan?.reachable) {
        expect(plan.totalEffort).toBeCloseTo(expected, 9);
        expect(plan.index + 1e-9).toBeGreaterThanOrEqual(target);
      }
    }
  });

  it('plans Sangat Baik (3,50) for 59/2020 from all 3 with the least steps: +0,50 needs 50 weight points', () => {
    const levels = new Map(f2020.indicators.map((i) => [i.no, 3]));
    const plan = planTarget(f2020, levels, 3.5);
    expect(plan?.reachable).toBe(true);
    if (!plan?.reachable) return;
    expect(plan.index).toBeGreaterThanOrEqual(3.5 - 1e-9);
    expect(plan.rating).toBe('Sangat Baik');
    // Heaviest steps first: 42–47 twice each (12 × 3,00 = 36), then 6 × 2,75 ≥ 14: 18 steps.
    // 17 steps cannot do: at most 12 × 3 + 5 × 2,75 = 49,75 < 50.
    expect(plan.totalEffort).toBe(18);
  });

  it('follows the efforts the user sets: expensive indicators are avoided', () => {
    const levels = new Map(f2020.indicators.map((i) => [i.no, 3]));
    const efforts = new Map(f2020.indicators.filter((i) => i.aspect === 8).map((i) => [i.no, 100]));
    const plan = planTarget(f2020, levels, 3.1, efforts);
    expect(plan?.reachable && plan.steps.every((s) => s.no < 42)).toBe(true);
  });

  it('says when a target cannot be reached and when nothing is needed', () => {
    const levels = new Map(f2020.indicators.map((i) => [i.no, 3]));
    expect(planTarget(f2020, levels, 5.01)).toMatchObject({ reachable: false, maximumIndex: 5 });
    expect(planTarget(f2020, levels, 2.6)).toMatchObject({
      reachable: true,
      steps: [],
      totalEffort: 0,
    });
  });

  it('is not offered for weights that are not decimals (the 2018 framework’s 20/6)', () => {
    expect(canPlan(f2020)).toBe(true);
    expect(canPlan(readShippedFramework('permenpanrb-5-2018'))).toBe(false);
  });
});
