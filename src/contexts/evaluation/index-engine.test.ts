import { describe, expect, it } from 'vitest';
import { checkFramework, predikatOf, round2 } from './framework.js';
import { readShippedFramework, SHIPPED_FRAMEWORK_IDS } from './frameworks.js';
import { checkLevels, computeIndex, presentIndex, rollUp } from './index-engine.js';

const f2020 = readShippedFramework('permenpanrb-59-2020');
const f2018 = readShippedFramework('permenpanrb-5-2018');
const all = (level: number) => new Map(f2020.indicators.map((i) => [i.no, level]));

describe('shipped frameworks', () => {
  it.each(SHIPPED_FRAMEWORK_IDS)('%s keeps the nesting of weights', (id) => {
    expect(checkFramework(readShippedFramework(id))).toEqual([]);
  });

  it('59/2020 has 4 domains, 8 aspects, 47 indicators with Tabel 7–9 weights and both scales', () => {
    expect(f2020.domains.map((d) => d.weight)).toEqual([13, 25, 16.5, 45.5]);
    expect(f2020.aspects.map((a) => a.weight)).toEqual([13, 10, 10, 5, 12, 4.5, 27.5, 18]);
    expect(f2020.indicators).toHaveLength(47);
    expect(f2020.indicators.find((i) => i.no === 15)?.weight).toBe(2.5);
    expect(f2020.indicators.find((i) => i.no === 37)?.weight).toBe(2.75);
    expect(f2020.levelScales.map((s) => s.levels.map((l) => l.name))).toEqual([
      ['Rintisan', 'Terkelola', 'Terdefinisi', 'Terpadu dan Terukur', 'Optimum'],
      ['Informasi', 'Interaksi', 'Transaksi', 'Kolaborasi', 'Optimum'],
    ]);
    for (const ind of f2020.indicators) {
      expect(ind.criteria.map((c) => c.level)).toEqual([1, 2, 3, 4, 5]);
    }
  });

  it('2018 has levels 0–5 and 37 items (indicator 35 entered three times)', () => {
    expect(f2018.indicators).toHaveLength(37);
    expect(f2018.levelScales[0]?.levels.map((l) => l.level)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(f2018.domains.map((d) => d.weight)).toEqual([17, 28, 55]);
  });
});

describe('the regulation’s worked examples (PermenPANRB 59/2020 Tabel 10–12)', () => {
  it('Tabel 10: Aspek 2 with levels 3, 4, 3, 2 is 3,00', () => {
    const levels = new Map([...all(1), [11, 3], [12, 4], [13, 3], [14, 2]]);
    const aspect2 = computeIndex(f2020, levels).aspects.find((a) => a.no === 2);
    expect(aspect2?.index).toBeCloseTo(3.0, 12);
    expect(
      rollUp(
        10,
        [3, 4, 3, 2].map((value) => ({ value, weight: 2.5 })),
      ),
    ).toBeCloseTo(3, 12);
  });

  it('Tabel 11: Domain 2 from aspects 3,00 / 4,00 / 3,00 is 3,40', () => {
    expect(
      rollUp(25, [
        { value: 3, weight: 10 },
        { value: 4, weight: 10 },
        { value: 3, weight: 5 },
      ]),
    ).toBeCloseTo(3.4, 12);
    // The same from indicator levels through the engine.
    const levels = new Map([
      ...all(1),
      [11, 3],
      [12, 4],
      [13, 3],
      [14, 2],
      [15, 4],
      [16, 4],
      [17, 4],
      [18, 4],
      [19, 3],
      [20, 3],
    ]);
    const domain2 = computeIndex(f2020, levels).domains.find((d) => d.no === 2);
    expect(domain2?.index).toBeCloseTo(3.4, 12);
    expect(round2(domain2?.index ?? 0)).toBe(3.4);
  });

  it('Tabel 12: domains 3,70 / 3,40 / 3,00 / 3,20 give Indeks SPBE 3,28 (328,20 / 100)', () => {
    const index = rollUp(100, [
      { value: 3.7, weight: 13 },
      { value: 3.4, weight: 25 },
      { value: 3.0, weight: 16.5 },
      { value: 3.2, weight: 45.5 },
    ]);
    expect(index).toBeCloseTo(3.282, 12);
    expect(round2(index)).toBe(3.28);
    expect(predikatOf(f2020, index)).toBe('Baik');
  });

  it('the rolled-up index equals Σ level × weight / 100 over the indicators', () => {
    const levels = new Map(f2020.indicators.map((i) => [i.no, 1 + ((i.no * 7) % 5)]));
    const direct =
      f2020.indicators.reduce((s, i) => s + (levels.get(i.no) ?? 0) * i.weight, 0) / 100;
    expect(computeIndex(f2020, levels).index).toBeCloseTo(direct, 12);
  });
});

describe('predikat bands (Tabel 13), applied to the unrounded index', () => {
  it.each([
    [5, 'Memuaskan'],
    [4.2, 'Memuaskan'],
    [4.1999, 'Sangat Baik'],
    [3.5, 'Sangat Baik'],
    [3.4999, 'Baik'],
    [2.6, 'Baik'],
    [2.5999, 'Cukup'],
    [1.8, 'Cukup'],
    [1.7999, 'Kurang'],
    [1, 'Kurang'],
    [0, 'Kurang'],
  ])('%s → %s', (index, name) => {
    expect(predikatOf(f2020, index)).toBe(name);
  });

  it('levels that reach 3,50 exactly are Sangat Baik; one step less is Baik', () => {
    // From all 3: +18 (42–47) +25 (11–20) +5,5 (32–33) +1,5 (21) = +50 weight points = +0,50.
    const raised = [42, 43, 44, 45, 46, 47, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 32, 33, 21];
    const levels = new Map(all(3));
    for (const no of raised) levels.set(no, 4);
    const at = computeIndex(f2020, levels);
    expect(at.index).toBeCloseTo(3.5, 12);
    expect(at.rating).toBe('Sangat Baik');
    levels.set(21, 3);
    const below = computeIndex(f2020, levels);
    expect(below.index).toBeCloseTo(3.485, 12);
    expect(below.rating).toBe('Baik');
    expect(predikatOf(f2020, 3.495)).toBe('Baik'); // shown as 3,50 but below the bound
    expect(round2(3.495)).toBe(3.5);
  });

  it('shows two decimals, half up', () => {
    expect(round2(2.9475)).toBe(2.95);
    expect(round2(3.285)).toBe(3.29);
    expect(round2(3.2849)).toBe(3.28);
    const shown = presentIndex(computeIndex(f2020, all(3)));
    expect(shown).toMatchObject({ index: 3, rating: 'Baik' });
    expect(shown.aspects).toHaveLength(8);
  });
});

describe('refusals', () => {
  it('refuses levels outside the scale, unknown and missing indicators, naming each', () => {
    const levels: Record<string, unknown> = Object.fromEntries(
      f2020.indicators.map((i) => [String(i.no), 3]),
    );
    levels['1'] = 0;
    levels['2'] = 6;
    levels['3'] = 2.5;
    levels['48'] = 3;
    delete levels['47'];
    const errors = checkLevels(f2020, levels, 'en');
    expect(errors.map((e) => e.path).sort()).toEqual(
      ['/levels/1', '/levels/2', '/levels/3', '/levels/48', '/levels/47'].sort(),
    );
    expect(errors.find((e) => e.path === '/levels/2')?.message).toBe(
      'The level must be a whole number from 1 to 5.',
    );
  });

  it('the 2018 framework accepts level 0', () => {
    const levels = Object.fromEntries(f2018.indicators.map((i) => [String(i.no), 0]));
    expect(checkLevels(f2018, levels, 'id')).toEqual([]);
    expect(computeIndex(f2018, new Map(f2018.indicators.map((i) => [i.no, 0]))).index).toBe(0);
    const fives = computeIndex(f2018, new Map(f2018.indicators.map((i) => [i.no, 5])));
    expect(fives.index).toBeCloseTo(5, 12);
  });
});
