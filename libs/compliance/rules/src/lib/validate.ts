import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import {
  FORMATS,
  LIVE_FORMATS,
  PRACTICE_LEVELS,
  TOPICS,
  type Format,
  type JurisdictionRules,
  type RuleSetVersion,
  type Topic,
} from '@mezzo/compliance-engine';
import schema from '../schema/rule-set.schema.json';

/** One problem found in a rule-set file. `text` is the full message: `nj.json: /licenseTypes/2/...: must ...`. */
export interface RuleSetIssue {
  file: string;
  /** JSON Pointer to the offending field ('' = the whole document). */
  path: string;
  message: string;
  text: string;
}

export class RuleSetValidationError extends Error {
  constructor(readonly issues: RuleSetIssue[]) {
    super(`Invalid rule set:\n${issues.map((i) => `  ${i.text}`).join('\n')}`);
    this.name = 'RuleSetValidationError';
  }
}

/** The JSON Schema (draft 2020-12) every data file must satisfy. */
export const RULE_SET_SCHEMA: object = schema;

let compiled: ValidateFunction | undefined;
function schemaValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    compiled = ajv.compile(schema);
  }
  return compiled;
}

function issue(file: string, path: string, message: string): RuleSetIssue {
  return { file, path, message, text: `${file}: ${path || '/'}: ${message}` };
}

function ajvMessage(e: ErrorObject): string {
  const base = e.message ?? 'is invalid';
  if (e.keyword === 'additionalProperties') {
    return `${base} (${String((e.params as { additionalProperty?: string }).additionalProperty)})`;
  }
  if (e.keyword === 'enum') {
    return `${base}: ${JSON.stringify((e.params as { allowedValues?: unknown[] }).allowedValues)}`;
  }
  if (e.keyword === 'const') {
    return `${base}: ${JSON.stringify((e.params as { allowedValue?: unknown }).allowedValue)}`;
  }
  return base;
}

/**
 * ajv reports every branch of a failed `oneOf`; keep the errors of the branch that got furthest
 * (deepest instance path) so the message points at the real field, not at every alternative.
 */
function pruneErrors(errors: ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const list = byPath.get(e.instancePath) ?? [];
    list.push(e);
    byPath.set(e.instancePath, list);
  }
  const paths = [...byPath.keys()];
  // Drop errors on a path when a deeper path below it also failed (the deeper one is more precise).
  const leaf = paths.filter((p) => !paths.some((q) => q !== p && q.startsWith(`${p}/`)));
  const out: ErrorObject[] = [];
  for (const p of leaf) {
    const list = byPath.get(p) ?? [];
    const specific = list.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if');
    const seen = new Set<string>();
    for (const e of specific.length ? specific : list) {
      const key = `${e.instancePath}|${ajvMessage(e)}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(e);
      }
    }
  }
  return out;
}

const TOPIC_SET = new Set<string>(TOPICS);
const FORMAT_SET = new Set<string>(FORMATS);
const CAP_FAMILIES = new Set(['format', 'practice', 'topic', 'approval', 'activity', 'provider']);

export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Checks the schema cannot express. Assumes the document already passed the schema. */
function semanticIssues(doc: JurisdictionRules, file: string, today: string | undefined): RuleSetIssue[] {
  const out: RuleSetIssue[] = [];
  const add = (path: string, message: string) => out.push(issue(file, path, message));

  const base = file.replace(/^.*[\\/]/, '');
  const expected = `${doc.jurisdiction.toLowerCase()}.json`;
  if (base !== expected) {
    add('/jurisdiction', `jurisdiction "${doc.jurisdiction}" does not match file name (expected ${expected})`);
  }

  // Every Source anywhere in the document: readOn is a real date, not in the future.
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => walk(v, `${path}/${i}`));
    } else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o['readOn'] === 'string' && typeof o['citation'] === 'string') {
        const readOn = o['readOn'];
        if (!isValidIsoDate(readOn)) add(`${path}/readOn`, `"${readOn}" is not a calendar date`);
        else if (today !== undefined && readOn > today) add(`${path}/readOn`, `"${readOn}" is in the future`);
      }
      for (const [k, v] of Object.entries(o)) walk(v, `${path}/${k}`);
    }
  };
  walk(doc, '');

  const ltCodes = new Map<string, number>();
  doc.licenseTypes.forEach((lt, li) => {
    const ltPath = `/licenseTypes/${li}`;
    if (ltCodes.has(lt.code)) add(`${ltPath}/code`, `duplicate license type code "${lt.code}" (also at /licenseTypes/${ltCodes.get(lt.code)})`);
    else ltCodes.set(lt.code, li);

    // Version ranges: well-formed, labels unique, no overlap.
    const labels = new Map<string, number>();
    const ranges: { from: string; to: string; vi: number }[] = [];
    lt.versions.forEach((v, vi) => {
      const vPath = `${ltPath}/versions/${vi}`;
      if (labels.has(v.version)) add(`${vPath}/version`, `duplicate version label "${v.version}"`);
      labels.set(v.version, vi);
      if (!isValidIsoDate(v.effectiveFrom)) add(`${vPath}/effectiveFrom`, `"${v.effectiveFrom}" is not a calendar date`);
      if (v.effectiveTo != null) {
        if (!isValidIsoDate(v.effectiveTo)) add(`${vPath}/effectiveTo`, `"${v.effectiveTo}" is not a calendar date`);
        else if (v.effectiveTo < v.effectiveFrom) add(`${vPath}/effectiveTo`, `ends (${v.effectiveTo}) before it starts (${v.effectiveFrom})`);
      }
      ranges.push({ from: v.effectiveFrom, to: v.effectiveTo ?? '9999-12-31', vi });
      versionIssues(v, vPath, add);
    });
    for (let i = 0; i < ranges.length; i++) {
      for (let j = i + 1; j < ranges.length; j++) {
        const a = ranges[i];
        const b = ranges[j];
        if (a.from <= b.to && b.from <= a.to) {
          add(
            `${ltPath}/versions/${b.vi}/effectiveFrom`,
            `effective range ${b.from}..${b.to} overlaps version at ${ltPath}/versions/${a.vi} (${a.from}..${a.to})`,
          );
        }
      }
    }
  });
  return out;
}

function versionIssues(v: RuleSetVersion, vPath: string, add: (path: string, message: string) => void): void {
  const total = v.total.hours;

  // Fixed cycle anchors must be a real month/day (no Feb 29: it does not exist every year).
  if (v.cycle.anchor === 'fixed' && v.cycle.day !== 'last') {
    const daysIn = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][v.cycle.month - 1];
    if (v.cycle.day > daysIn) add(`${vPath}/cycle/day`, `day ${v.cycle.day} does not exist in month ${v.cycle.month} every year`);
  }
  if (v.cycle.anchor === 'fixed' && v.cycle.parity && v.cycle.months === 12) {
    add(`${vPath}/cycle/parity`, 'parity only makes sense for multi-year cycles');
  }

  const reqCodes = new Map<string, number>();
  const groups = new Map<string, { of: number; anchor: string | undefined; indices: Map<number, number> }>();
  v.requirements.forEach((r, ri) => {
    const rPath = `${vPath}/requirements/${ri}`;
    if (reqCodes.has(r.code)) add(`${rPath}/code`, `duplicate requirement code "${r.code}" in this version (also at ${vPath}/requirements/${reqCodes.get(r.code)})`);
    else reqCodes.set(r.code, ri);

    const from = r.match.completedOnOrAfter;
    if (from !== undefined && !isValidIsoDate(from)) add(`${rPath}/match/completedOnOrAfter`, `"${from}" is not a calendar date`);

    // Code well-formed and consistent with the matcher: `<family>:<value>`, optionally `:<qualifier>`
    // when a version holds two requirements on the same area (NY: the child-abuse course and its update).
    const [family, value] = [r.code.slice(0, r.code.indexOf(':')), r.code.slice(r.code.indexOf(':') + 1)];
    const rest = value.includes(':') ? value.slice(0, value.indexOf(':')) : value;
    if (family === 'topic') {
      const topics = rest.split('+');
      for (const t of topics) if (!TOPIC_SET.has(t)) add(`${rPath}/code`, `unknown topic "${t}" in code "${r.code}" (allowed: ${TOPICS.join(', ')})`);
      const mt = r.match.topics ?? [];
      if (!sameSet(topics, mt)) add(`${rPath}/match/topics`, `must list exactly the topics named by code "${r.code}" (got ${JSON.stringify(mt)})`);
    } else if (family === 'practice') {
      if (r.match.practice !== rest) add(`${rPath}/match/practice`, `must be "${rest}" for code "${r.code}"`);
    } else if (family === 'format') {
      const f = r.match.formats ?? [];
      if (!f.length || !f.every((x: Format) => LIVE_FORMATS.includes(x))) {
        add(`${rPath}/match/formats`, `code "${r.code}" needs formats drawn only from ${JSON.stringify(LIVE_FORMATS)}`);
      }
    }

    if ('hours' in r.min && r.countsTowardTotal !== false && r.min.hours > total) {
      add(`${rPath}/min/hours`, `minimum ${r.min.hours} h exceeds the total of ${total} h`);
    }
    if (r.firstRenewalHours !== undefined) {
      const full = 'hours' in r.min ? r.min.hours * (r.frequency?.kind === 'per-year-of-cycle' ? v.cycle.months / 12 : 1) : undefined;
      if (full === undefined) add(`${rPath}/firstRenewalHours`, 'needs min.hours (a share of the total is scaled with the total)');
      else if (r.firstRenewalHours > full) add(`${rPath}/firstRenewalHours`, `${r.firstRenewalHours} h is above the full minimum of ${full} h`);
      else if (v.firstRenewal?.kind !== 'fraction' && v.firstRenewal?.kind !== 'prorate')
        add(`${rPath}/firstRenewalHours`, 'only applies when firstRenewal is "fraction" or "prorate"');
    }
    if (r.appliesTo?.roles && new Set(r.appliesTo.roles).size !== r.appliesTo.roles.length) {
      add(`${rPath}/appliesTo/roles`, 'duplicate role');
    }

    const f = r.frequency;
    if (f?.kind === 'every-nth-cycle' && f.offset !== undefined && f.offset >= f.n) {
      add(`${rPath}/frequency/offset`, `offset ${f.offset} must be below n (${f.n})`);
    }
    if (f?.kind === 'alternating') {
      if (f.index >= f.of) add(`${rPath}/frequency/index`, `index ${f.index} must be below of (${f.of})`);
      const g = groups.get(f.group) ?? { of: f.of, anchor: f.anchorCycleEnd, indices: new Map<number, number>() };
      if (g.of !== f.of) add(`${rPath}/frequency/of`, `alternating group "${f.group}" has inconsistent "of" (${g.of} vs ${f.of})`);
      if (f.anchorCycleEnd !== undefined && !isValidIsoDate(f.anchorCycleEnd)) add(`${rPath}/frequency/anchorCycleEnd`, `"${f.anchorCycleEnd}" is not a calendar date`);
      else if (g.anchor !== f.anchorCycleEnd) add(`${rPath}/frequency/anchorCycleEnd`, `alternating group "${f.group}" has inconsistent "anchorCycleEnd" (${g.anchor ?? 'none'} vs ${f.anchorCycleEnd ?? 'none'})`);
      if (g.indices.has(f.index)) add(`${rPath}/frequency/index`, `alternating group "${f.group}" already uses index ${f.index}`);
      g.indices.set(f.index, ri);
      groups.set(f.group, g);
    }
  });
  for (const [name, g] of groups) {
    if (g.indices.size !== g.of) add(`${vPath}/requirements`, `alternating group "${name}" has ${g.indices.size} member(s) but of = ${g.of}`);
  }

  const capCodes = new Map<string, number>();
  v.caps.forEach((c, ci) => {
    const cPath = `${vPath}/caps/${ci}`;
    if (capCodes.has(c.code)) add(`${cPath}/code`, `duplicate cap code "${c.code}" in this version`);
    else capCodes.set(c.code, ci);
    const from = c.match.completedOnOrAfter;
    if (from !== undefined && !isValidIsoDate(from)) add(`${cPath}/match/completedOnOrAfter`, `"${from}" is not a calendar date`);
    const parts = c.code.split(':');
    const family = parts[1];
    if (!CAP_FAMILIES.has(family)) {
      add(`${cPath}/code`, `cap code "${c.code}" must start with cap:${[...CAP_FAMILIES].join('|cap:')}`);
    } else if (family === 'format' && parts[2] !== undefined && !FORMAT_SET.has(parts[2])) {
      add(`${cPath}/code`, `unknown format "${parts[2]}" in cap code "${c.code}"`);
    } else if (family === 'topic' && parts[2] !== undefined && !parts[2].split('+').every((t) => TOPIC_SET.has(t))) {
      add(`${cPath}/code`, `unknown topic in cap code "${c.code}"`);
    } else if (family === 'practice' && parts[2] !== undefined) {
      const lvl = parts[2].replace(/^non-/, '');
      if (!(PRACTICE_LEVELS as readonly string[]).includes(lvl)) add(`${cPath}/code`, `unknown practice level in cap code "${c.code}"`);
      else if (parts[2].startsWith('non-') && !(c.negate && c.match.practice === lvl)) {
        add(`${cPath}/negate`, `cap "${c.code}" must set negate: true with match.practice "${lvl}"`);
      }
    }
    if (Object.keys(c.match).length === 0 && c.negate) add(`${cPath}/match`, 'a negated empty matcher matches nothing');
    if ('hours' in c.max && c.max.hours > total) add(`${cPath}/max/hours`, `cap ${c.max.hours} h exceeds the total of ${total} h`);
  });

  // Overlap groups refer to existing requirements.
  const checkRefs = (lists: string[][] | undefined, key: string) =>
    lists?.forEach((grp, gi) =>
      grp.forEach((code, ci) => {
        if (!reqCodes.has(code)) add(`${vPath}/overlap/${key}/${gi}/${ci}`, `"${code}" is not a requirement code of this version`);
      }),
    );
  checkRefs(v.overlap?.exclusive, 'exclusive');
  checkRefs(v.overlap?.mayShare, 'mayShare');
  if (v.overlap && !v.overlap.source && (v.overlap.exclusive?.length || v.overlap.mayShare?.length)) {
    add(`${vPath}/overlap/source`, 'an overlap rule needs a source');
  }

  if (v.firstRenewal?.kind === 'exempt') {
    v.firstRenewal.except?.forEach((code, i) => {
      if (!reqCodes.has(code)) add(`${vPath}/firstRenewal/except/${i}`, `"${code}" is not a requirement code of this version`);
    });
  }

  // The requirements an additional license adds to are minimums in hours of this version.
  v.additionalLicense?.requirements.forEach((code, i) => {
    const at = `${vPath}/additionalLicense/requirements/${i}`;
    const r = v.requirements[reqCodes.get(code) ?? -1];
    if (!r) add(at, `"${code}" is not a requirement code of this version`);
    else if (!('hours' in r.min)) add(at, `"${code}" is a share of the total, which grows with the total already`);
    else if (v.additionalLicense?.requirements.indexOf(code) !== i) add(at, `"${code}" is listed twice`);
  });

  if (v.carryover) {
    if (v.carryover.maxHours > total) add(`${vPath}/carryover/maxHours`, `carryover ${v.carryover.maxHours} h exceeds the total of ${total} h`);
    const ex: Topic[] = v.carryover.excludedTopics ?? [];
    if (new Set(ex).size !== ex.length) add(`${vPath}/carryover/excludedTopics`, 'duplicate topic');
  }
  if (v.approvals?.accepted && v.approvals.refused) {
    const both = v.approvals.accepted.filter((a) => v.approvals?.refused?.includes(a));
    if (both.length) add(`${vPath}/approvals`, `listed as both accepted and refused: ${both.join(', ')}`);
  }
}

/**
 * Validates one rule-set file (parsed JSON) against the schema and the semantic rules.
 * Returns [] when valid. Every issue names the file and the JSON Pointer of the field.
 * `today` (YYYY-MM-DD), when given, also rejects `readOn` dates after it; the library reads no clock
 * itself (CI passes the real date, see validate.spec.ts).
 */
export function validateRuleSetFile(json: unknown, fileName: string, today?: string): RuleSetIssue[] {
  const validate = schemaValidator();
  if (!validate(json)) {
    return pruneErrors(validate.errors ?? []).map((e) => issue(fileName, e.instancePath, ajvMessage(e)));
  }
  return semanticIssues(json as JurisdictionRules, fileName, today);
}

/** Throws RuleSetValidationError listing every issue; returns the typed document otherwise. */
export function assertValidRuleSetFile(json: unknown, fileName: string): JurisdictionRules {
  const issues = validateRuleSetFile(json, fileName);
  if (issues.length) throw new RuleSetValidationError(issues);
  return json as JurisdictionRules;
}
