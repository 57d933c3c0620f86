/**
 * LP-free allocation with a certificate of optimality (docs/ENGINE.md "Fast path").
 *
 * The LP maximises W·Σy + Σx, i.e. first the hours toward minimums, then the counted total. Two
 * bounds hold for every feasible solution whatever the rest of the model:
 *   Σx  ≤ Σh − least cut of the cap rows                          (max-flow/min-cut, `leastCut`),
 *   y_j ≤ min(need_j, Σh − least cut over the classes serving j)  (each requirement).
 * A greedy solution reaching both is therefore optimal and the simplex is skipped. When the first
 * attempt misses a bound, a second one cuts no class below the floors every optimum respects
 * (`floors`) and is checked against the least cut above them. When both miss, or the bounds are not
 * exact (cap rows whose overlaps are not bipartite, not-credited requirements coupling x and y), it
 * returns null and the caller solves the LP.
 * Deterministic: fixed orders with index tie-breaks, so the output stays a pure function.
 */
import type { AllocationModel } from './allocate';
import { Float64Scratch, Int32Scratch } from './scratch';

/** Whether bit `b` is set in `mask`. */
const has = (mask: number, b: number): boolean => (mask & (1 << b)) !== 0;

function popcount(v: number): number {
  let n = v - ((v >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const valuesScratch = new Int32Scratch();
const usedAtScratch = new Int32Scratch();
const usedScratch = new Int32Scratch();
const reqsScratch = new Int32Scratch();
const slackScratch = new Float64Scratch();
const targetScratch = new Float64Scratch();
const orderScratch = new Int32Scratch();
const rankScratch = new Int32Scratch();
const rankStartScratch = new Int32Scratch();
const xScratch = new Int32Scratch();
const excessScratch = new Int32Scratch();
const surplusScratch = new Float64Scratch();
const supplyScratch = new Float64Scratch();
const totalScratch = new Float64Scratch();
const rowMaskScratch = new Int32Scratch();
const adjScratch = new Int32Scratch();
const colorScratch = new Int32Scratch();
const stackScratch = new Int32Scratch();
const fHoursScratch = new Float64Scratch();
const limitScratch = new Float64Scratch();
const capLimitScratch = new Float64Scratch();
const floorScratch = new Int32Scratch();
const shiftedScratch = new Int32Scratch();
const forcedScratch = new Int32Scratch();
const availScratch = new Int32Scratch();

/** How many allocations the second attempt certified (read by tests: the path must be exercised). */
export const greedyCounts = { second: 0 };

/** Values for every LP variable (same indices), or null when no certificate was found. */
export function certifiedGreedy(model: AllocationModel): Int32Array | null {
  const { classCount: n, capRows, notCreditedMask, outOfCycle, reqMask } = model;
  // Not-credited requirements couple x and y on the same hours: leave those to the LP.
  if (notCreditedMask !== 0) for (let c = 0; c < n; c++) if (outOfCycle[c] === 0 && (reqMask[c] & notCreditedMask) !== 0) return null;
  const net = capRows.length === 0 ? null : cutNetwork(model);
  if (capRows.length > 0 && net === null) return null;
  const x = xScratch.take(n);
  const cut = cutToCaps(model, net, x, null);
  if (net === null) return fillRequirements(model, net, x);
  // Its own buffer: shifted below for the second attempt while `capLimits`' stays as read.
  const limits = capLimits(model, limitScratch);
  if (cut >= 0 && cut === leastCut(model, net, -1, model.hours, limits)) {
    const values = fillRequirements(model, net, x);
    if (values !== null) return values;
  }
  // Second attempt. Every requirement j is bounded by ub_j = min(need_j, most hours the caps let
  // count among its classes). If some allocation reaches every ub_j, every optimum does, which
  // forces a floor on some classes' counted hours (`floors`); the least cut above those floors then
  // bounds the counted total of every optimum. A greedy that never cuts below the floors and reaches
  // both bounds is therefore optimal (docs/ENGINE.md "Fast path").
  const floor = floors(model, net);
  if (floor === null) return null;
  const cut2 = cutToCaps(model, net, x, floor);
  if (cut2 < 0) return null;
  // The network above the floors: hours h − l, limits L − Σ l over each row.
  const shifted = shiftedScratch.take(n);
  for (let c = 0; c < n; c++) shifted[c] = model.hours[c] - floor[c];
  for (let r = 0; r < capRows.length; r++) {
    const list = capRows[r].classes;
    let sum = 0;
    for (let i = 0; i < list.length; i++) sum += floor[list[i]];
    limits[r] -= sum;
    if (limits[r] < 0) return null;
  }
  if (cut2 !== leastCut(model, net, -1, shifted, limits)) return null;
  const values = fillRequirements(model, net, x);
  if (values !== null) greedyCounts.second += 1;
  return values;
}

/**
 * Floors on counted hours that every optimum respects if every requirement j can reach its upper
 * bound ub_j (ub_j = min(need_j, most hours the caps let count among the classes serving j)).
 * Hours class c must give j in that case: forced_cj = max(0, ub_j − Σ_{c'≠c} avail_c'j), where
 * avail_c'j = h_c' − (hours forced on c' for requirements conflicting with j, per clique). Forced
 * hours only grow, so this is iterated to a fixed point (a few rounds). Class c's floor is then
 * l_c = max over its cliques Q of Σ_{j∈Q} forced_cj; only classes with an x variable get one.
 * Null when no floor is positive (a second attempt would repeat the first) or the forced hours
 * exceed what a class or the classes of a requirement hold (the bounds cannot all be reached).
 */
function floors(model: AllocationModel, net: CutNetwork): Int32Array | null {
  const { classCount: n, need, free, requirementCount: R, hours, reqMask, cliques, x: xVar } = model;
  const open = ~free;
  const forced = forcedScratch.get(n * R);
  const avail = availScratch.take(n * R);
  const availOf = totalScratch.take(R);
  // ub_j, computed when first needed (-1: not yet).
  const ub = targetScratch.get(R, -1);
  const limits = capLimits(model);
  for (let round = 0, changed = true; changed; round++) {
    if (round > R + 1) return null;
    changed = false;
    for (let j = 0; j < R; j++) availOf[j] = 0;
    for (let c = 0; c < n; c++) {
      const list = cliques[c];
      for (let rest = reqMask[c] & open; rest !== 0; rest &= rest - 1) {
        const j = 31 - Math.clz32(rest & -rest);
        let taken = 0;
        for (let q = 0; q < list.length; q++) {
          const clique = list[q];
          if ((clique & (1 << j)) === 0) continue;
          let sum = 0;
          for (let other = clique & open & ~(1 << j); other !== 0; other &= other - 1) sum += forced[c * R + 31 - Math.clz32(other & -other)];
          if (sum > taken) taken = sum;
        }
        if (taken > hours[c]) return null;
        avail[c * R + j] = hours[c] - taken;
        availOf[j] += hours[c] - taken;
      }
    }
    for (let c = 0; c < n; c++) {
      for (let rest = reqMask[c] & open; rest !== 0; rest &= rest - 1) {
        const j = 31 - Math.clz32(rest & -rest);
        const others = availOf[j] - avail[c * R + j];
        if (need[j] <= others) continue;
        if (ub[j] < 0) ub[j] = Math.min(need[j], totalOfClasses(model, j) - leastCut(model, net, j, hours, limits));
        const must = ub[j] - others;
        if (must <= forced[c * R + j]) continue;
        if (must > avail[c * R + j]) return null;
        forced[c * R + j] = must;
        changed = true;
      }
    }
  }
  const floor = floorScratch.get(n);
  let any = false;
  for (let c = 0; c < n; c++) {
    if (xVar[c] < 0) continue;
    const list = cliques[c];
    let best = 0;
    for (let q = 0; q < list.length; q++) {
      let sum = 0;
      for (let rest = list[q] & open; rest !== 0; rest &= rest - 1) sum += forced[c * R + 31 - Math.clz32(rest & -rest)];
      if (sum > best) best = sum;
    }
    if (best > hours[c]) return null;
    floor[c] = best;
    if (best > 0) any = true;
  }
  return any ? floor : null;
}

/** Σ h over the classes with a y variable for requirement j. */
function totalOfClasses(model: AllocationModel, j: number): number {
  const { classCount: n, yVar, requirementCount: R, hours } = model;
  let total = 0;
  for (let c = 0; c < n; c++) if (yVar[c * R + j] >= 0) total += hours[c];
  return total;
}

function fillRequirements(model: AllocationModel, net: CutNetwork | null, x: Int32Array): Int32Array | null {
  const { classCount: n, need, free, yVar, requirementCount: R, hours, reqMask, cliques } = model;

  // 2. Hours toward requirements, scarcest requirement first; within one, the classes with the
  //    fewest other open requirements first. Per class and clique: Σ y ≤ capacity (x, or h).
  //    Target per requirement: min(need, most hours the caps let count among the classes that can
  //    serve it) — a bound on its y whatever x is, so reaching every target maximises Σy.
  const values = valuesScratch.get(model.variableCount);
  let usedSize = 0;
  const usedAt = usedAtScratch.take(n);
  for (let c = 0; c < n; c++) {
    usedAt[c] = usedSize;
    usedSize += cliques[c].length;
  }
  const used = usedScratch.get(usedSize);
  const reqs = reqsScratch.take(R);
  let reqCount = 0;
  const slack = slackScratch.take(R);
  const target = targetScratch.take(R);
  // Per open requirement, over the classes with its y variable (its bit in reqMask minus the presolved
  // ones): the greedy's supply and the classes' hours, in one pass over the classes.
  const supplyOf = supplyScratch.get(R);
  const totalOf = totalScratch.get(R);
  const open = ~free;
  // The rows' limits, read when a target needs the least cut.
  let rowLimits: Float64Array | null = null;
  for (let c = 0; c < n; c++) {
    const xc = x[c];
    const hc = hours[c];
    for (let rest = reqMask[c] & open; rest !== 0; rest &= rest - 1) {
      const j = 31 - Math.clz32(rest & -rest);
      supplyOf[j] += xc;
      totalOf[j] += hc;
    }
  }
  for (let j = 0; j < R; j++) {
    if (need[j] <= 0 || has(free, j)) continue;
    const supply = supplyOf[j];
    const total = totalOf[j];
    // When the greedy's x cannot supply the need: the hours of the classes serving j that the caps
    // let count bound j's y whatever x is, so reaching that bound is still optimal.
    target[j] = need[j];
    if (supply < need[j]) target[j] = Math.min(need[j], total - (net === null ? 0 : leastCut(model, net, j, hours, (rowLimits ??= capLimits(model)))));
    if (supply < target[j]) return null;
    reqs[reqCount++] = j;
    slack[j] = supply - target[j];
  }
  // Requirements by slack (insertion sort: a handful of items).
  for (let i = 1; i < reqCount; i++) {
    const j = reqs[i];
    let k = i - 1;
    while (k >= 0 && slack[reqs[k]] > slack[j]) {
      reqs[k + 1] = reqs[k];
      k -= 1;
    }
    reqs[k + 1] = j;
  }
  // Classes by number of open requirements, ties by index: a stable counting sort (ranks ≤ R, the
  // requirements' count: their bits are all a class's mask can hold).
  const order = orderScratch.take(n);
  const rank = rankScratch.take(n);
  const ranks = R + 2;
  const firstOfRank = rankStartScratch.get(ranks);
  for (let c = 0; c < n; c++) {
    rank[c] = popcount(reqMask[c] & open);
    firstOfRank[rank[c] + 1] += 1;
  }
  for (let k = 1; k < ranks; k++) firstOfRank[k] += firstOfRank[k - 1];
  for (let c = 0; c < n; c++) order[firstOfRank[rank[c]]++] = c;
  for (let i = 0; i < reqCount; i++) {
    const j = reqs[i];
    let rest = target[j];
    for (let k = 0; k < n && rest > 0; k++) {
      const c = order[k];
      const v = yVar[c * R + j];
      if (v < 0) continue;
      const list = cliques[c];
      const base = usedAt[c];
      const xc = x[c];
      let room = Math.min(rest, xc);
      for (let q = 0; q < list.length; q++) if (has(list[q], j)) room = Math.min(room, xc - used[base + q]);
      if (room <= 0) continue;
      for (let q = 0; q < list.length; q++) if (has(list[q], j)) used[base + q] += room;
      values[v] = room;
      rest -= room;
    }
    if (rest > 0) return null;
  }
  const xVar = model.x;
  for (let c = 0; c < n; c++) if (xVar[c] >= 0) values[xVar[c]] = x[c];
  return values;
}

/**
 * 1. Counted hours (the y capacity per class: x, or h for classes without x): start from everything,
 *    then cut each exceeded cap row. A cut goes first to a class also in other still-exceeded rows
 *    (one cut relieves several rows; it stops at their smallest excess so no row is cut below its
 *    limit needlessly); then to the class whose open requirements keep the largest surplus of
 *    supply over need (a class serving none has an infinite surplus; a cut stops at a positive
 *    surplus, so the next cut goes elsewhere). Ties: lowest class index. With `floor`, no class is
 *    cut below its floor. Writes x and returns the total cut (-1 when an exceeded row has no class
 *    left to cut); the caller compares it with the least cut (`leastCut`).
 */
function cutToCaps(model: AllocationModel, net: CutNetwork | null, x: Int32Array, floor: Int32Array | null): number {
  const { classCount: n, capRows, need, requirementCount: R, hours, reqMask } = model;
  for (let c = 0; c < n; c++) x[c] = hours[c];
  if (net === null) return 0;
  const rowMask = net.rowMask;
  const excess = excessScratch.take(capRows.length);
  for (let r = 0; r < capRows.length; r++) {
    let sum = -capRows[r].limit;
    const list = capRows[r].classes;
    for (let i = 0; i < list.length; i++) sum += x[list[i]];
    excess[r] = sum;
  }
  // Supply minus need per open requirement.
  const surplus = surplusScratch.take(R);
  for (let j = 0; j < R; j++) surplus[j] = -need[j];
  // Open requirements of a class (those with a y variable): its reqMask minus the presolved ones.
  const open = ~model.free;
  for (let c = 0; c < n; c++) for (let rest = reqMask[c] & open; rest !== 0; rest &= rest - 1) surplus[31 - Math.clz32(rest & -rest)] += x[c];
  let cut = 0;
  for (let r = 0; r < capRows.length; r++) {
    const list = capRows[r].classes;
    while (excess[r] > 0) {
      let best = -1;
      let bestOthers = -1;
      let bestValue = -Infinity;
      let bestTake = 0;
      for (let i = 0; i < list.length; i++) {
        const c = list[i];
        const room = floor === null ? x[c] : x[c] - floor[c];
        if (room <= 0) continue;
        let others = 0;
        let take = Math.min(room, excess[r]);
        for (let rest = rowMask[c] & ~(1 << r); rest !== 0; rest &= rest - 1) {
          const o = 31 - Math.clz32(rest & -rest);
          if (excess[o] <= 0) continue;
          others += 1;
          take = Math.min(take, excess[o]);
        }
        // Fewer other exceeded rows than the best so far: cannot be chosen (its value is not needed).
        if (others < bestOthers) continue;
        // With as many other rows as the best, the class wins only if every surplus exceeds the best
        // value: stop at the first that does not (its value is then not needed).
        const tied = others === bestOthers;
        let value = Infinity;
        let beaten = false;
        for (let rest = reqMask[c] & open; rest !== 0; rest &= rest - 1) {
          const s = surplus[31 - Math.clz32(rest & -rest)];
          if (tied && s <= bestValue) {
            beaten = true;
            break;
          }
          value = Math.min(value, s);
        }
        if (beaten) continue;
        if (value > 0 && value !== Infinity) take = Math.min(take, value);
        if (others > bestOthers || (others === bestOthers && value > bestValue)) {
          best = c;
          bestOthers = others;
          bestValue = value;
          bestTake = take;
        }
      }
      if (best < 0) return -1;
      x[best] -= bestTake;
      cut += bestTake;
      for (let rest = rowMask[best]; rest !== 0; rest &= rest - 1) excess[31 - Math.clz32(rest & -rest)] -= bestTake;
      for (let rest = reqMask[best] & open; rest !== 0; rest &= rest - 1) surplus[31 - Math.clz32(rest & -rest)] -= bestTake;
    }
  }
  return cut;
}

/** The cap rows' limits by row, in a reused buffer (`scratch`). */
function capLimits(model: AllocationModel, scratch = capLimitScratch): Float64Array {
  const { capRows } = model;
  const limits = scratch.take(capRows.length);
  for (let r = 0; r < capRows.length; r++) limits[r] = capRows[r].limit;
  return limits;
}

/** The cap rows as a two-layer network (see `leastCut`); null when that model is not exact. */
interface CutNetwork {
  /** Per class: bit set of its cap rows. */
  rowMask: Int32Array;
  /** Rows of the smaller side (enumerated), and the bit set of the other side. */
  pList: number[];
  fRows: number;
}

/**
 * The rows' overlap graph must be bipartite (each side pairwise disjoint: format caps on one side,
 * practice caps on the other — the only crossings rule sets express), with a small side of at most
 * 8 rows to enumerate. Otherwise null (the caller then solves the LP).
 */
function cutNetwork(model: AllocationModel): CutNetwork | null {
  const { classCount: n, capRows } = model;
  const m = capRows.length;
  if (m > 24) return null;
  const rowMask = rowMaskScratch.get(n);
  for (let r = 0; r < m; r++) {
    const list = capRows[r].classes;
    for (let i = 0; i < list.length; i++) rowMask[list[i]] |= 1 << r;
  }
  const adj = adjScratch.get(m);
  for (let c = 0; c < n; c++) {
    const rows = rowMask[c];
    for (let rest = rows; rest !== 0; rest &= rest - 1) adj[31 - Math.clz32(rest & -rest)] |= rows;
  }
  for (let r = 0; r < m; r++) adj[r] &= ~(1 << r);
  const color = colorScratch.get(m, -1);
  const stack = stackScratch.take(m * m + 1);
  for (let start = 0; start < m; start++) {
    if (color[start] >= 0) continue;
    color[start] = 0;
    let top = 0;
    stack[top++] = start;
    while (top > 0) {
      const r = stack[--top];
      for (let rest = adj[r]; rest !== 0; rest &= rest - 1) {
        const o = 31 - Math.clz32(rest & -rest);
        if (color[o] < 0) {
          color[o] = 1 - color[r];
          stack[top++] = o;
        } else if (color[o] === color[r]) return null;
      }
    }
  }
  // Isolated rows are colour 0; the smaller side is enumerated.
  let side1 = 0;
  for (let r = 0; r < m; r++) if (color[r] === 1) side1 |= 1 << r;
  const side0 = ((1 << m) - 1) & ~side1;
  const small = popcount(side1) <= popcount(side0) ? side1 : side0;
  if (popcount(small) > 8) return null;
  const pList: number[] = [];
  for (let r = 0; r < m; r++) if (has(small, r)) pList.push(r);
  return { rowMask, pList, fRows: small === side1 ? side0 : side1 };
}

/**
 * The least total cut any feasible x must make, i.e. Σh − max Σx under the cap rows alone (over the
 * classes that can serve requirement `only`, or all classes when -1), exact by max-flow/min-cut:
 * source → F-row (limit) → class (h) → P-row (limit) → sink, classes outside F from the source,
 * outside P to the sink. For the set S of cut P-rows, the cheapest cut is
 * Σ_{p∈S} L_p + Σ_{p∉S} h(p ∖ ∪F) + Σ_f min(L_f, h(f ∖ ∪S)); the minimum over S is the max flow.
 */
function leastCut(model: AllocationModel, net: CutNetwork, only: number, hours: ArrayLike<number>, limits: ArrayLike<number>): number {
  const { classCount: n, capRows, yVar, requirementCount: R } = model;
  const { rowMask, pList, fRows } = net;
  let uncut = 0;
  for (let c = 0; c < n; c++) if (rowMask[c] !== 0 && (only < 0 || yVar[c * R + only] >= 0)) uncut += hours[c];
  if (uncut === 0) return 0;
  let best = Infinity;
  const m = capRows.length;
  const fHours = fHoursScratch.take(m);
  for (let subset = 0; subset < 1 << pList.length; subset++) {
    let cutMask = 0;
    let cost = 0;
    for (let i = 0; i < pList.length; i++) {
      if ((subset & (1 << i)) !== 0) {
        cutMask |= 1 << pList[i];
        cost += limits[pList[i]];
      }
    }
    for (let rest = fRows; rest !== 0; rest &= rest - 1) fHours[31 - Math.clz32(rest & -rest)] = 0;
    for (let c = 0; c < n; c++) {
      const rows = rowMask[c];
      if (rows === 0 || (rows & cutMask) !== 0 || (only >= 0 && yVar[c * R + only] < 0)) continue;
      const f = rows & fRows;
      if (f === 0) cost += hours[c];
      else fHours[31 - Math.clz32(f)] += hours[c];
    }
    for (let rest = fRows; rest !== 0; rest &= rest - 1) {
      const r = 31 - Math.clz32(rest & -rest);
      cost += Math.min(limits[r], fHours[r]);
    }
    if (cost < best) best = cost;
  }
  return uncut - best;
}
