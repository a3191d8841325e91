// Target planner of the evaluation module: the exact DP (src/contexts/evaluation/planner.ts) side by
// side with the obvious greedy (raise the indicator with the best weight-per-effort first), on random
// 47-indicator evaluations of PermenPANRB 59/2020 with random efforts, to Sangat Baik (3,50) and
// Memuaskan (4,20). Prints time per plan and how much more effort the greedy plan costs.
//   npm run build:server && node bench/evaluation-planner.mjs [--runs 200]
import { readFileSync } from 'node:fs';
import { computeIndex } from '../dist/server/contexts/evaluation/index-engine.js';
import { planTarget } from '../dist/server/contexts/evaluation/planner.js';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 200;
const def = JSON.parse(
  readFileSync(
    new URL('../src/contexts/evaluation/frameworks/permenpanrb-59-2020.json', import.meta.url),
  ),
);
let seed = 42;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

function greedy(levels, target, efforts) {
  const cur = new Map(levels);
  let total = 0;
  const order = [...def.indicators].sort(
    (a, b) => b.weight / efforts.get(b.no) - a.weight / efforts.get(a.no),
  );
  for (const ind of order) {
    while (computeIndex(def, cur).index + 1e-9 < target && cur.get(ind.no) < 5) {
      cur.set(ind.no, cur.get(ind.no) + 1);
      total += efforts.get(ind.no);
    }
  }
  return computeIndex(def, cur).index + 1e-9 >= target ? total : null;
}

const rows = [];
for (const target of [3.5, 4.2]) {
  let dpMs = 0;
  let greedyMs = 0;
  let worse = 0;
  let sumRatio = 0;
  let maxRatio = 1;
  let n = 0;
  for (let r = 0; r < runs; r++) {
    const levels = new Map(def.indicators.map((i) => [i.no, 1 + Math.floor(rnd() * 4)]));
    const efforts = new Map(def.indicators.map((i) => [i.no, 1 + Math.floor(rnd() * 10)]));
    let t = performance.now();
    const plan = planTarget(def, levels, target, efforts);
    dpMs += performance.now() - t;
    t = performance.now();
    const g = greedy(levels, target, efforts);
    greedyMs += performance.now() - t;
    if (!plan?.reachable || g === null || plan.totalEffort === 0) continue;
    n++;
    const ratio = g / plan.totalEffort;
    if (ratio > 1 + 1e-9) worse++;
    sumRatio += ratio;
    maxRatio = Math.max(maxRatio, ratio);
  }
  rows.push(
    `| ${target.toFixed(2).replace('.', ',')} | ${(dpMs / runs).toFixed(2)} ms | ${(greedyMs / runs).toFixed(2)} ms | ${(greedyMs / dpMs || 0).toFixed(2)}× | ${worse}/${n} | ${(sumRatio / Math.max(1, n)).toFixed(3)}× | ${maxRatio.toFixed(3)}× |`,
  );
}
console.log(`Node.js ${process.version}; ${runs} random evaluations per target.\n`);
console.log(
  '| Target | Exact DP per plan | Greedy per plan | Greedy ÷ DP time | Greedy costlier | Greedy ÷ DP effort, mean | max |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
