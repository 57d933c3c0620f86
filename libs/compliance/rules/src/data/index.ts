/**
 * Every rule-set file, imported statically so bundlers (API, CLI, browser) include them: no fs access.
 * Add a jurisdiction: create data/<code>.json and add it here (the spec test checks the list matches the folder).
 */
import azJson from './az.json';
import caJson from './ca.json';
import coJson from './co.json';
import dcJson from './dc.json';
import flJson from './fl.json';
import gaJson from './ga.json';
import ilJson from './il.json';
import kyJson from './ky.json';
import maJson from './ma.json';
import mdJson from './md.json';
import miJson from './mi.json';
import mnJson from './mn.json';
import ncJson from './nc.json';
import njJson from './nj.json';
import nmJson from './nm.json';
import nyJson from './ny.json';
import ohJson from './oh.json';
import okJson from './ok.json';
import orJson from './or.json';
import paJson from './pa.json';
import tnJson from './tn.json';
import txJson from './tx.json';
import utJson from './ut.json';
import vaJson from './va.json';
import waJson from './wa.json';
import wiJson from './wi.json';

/** Raw (unvalidated) file contents keyed by file name, e.g. `nj.json`. */
export const RULE_SET_FILES: Readonly<Record<string, unknown>> = {
  'az.json': azJson,
  'ca.json': caJson,
  'co.json': coJson,
  'dc.json': dcJson,
  'fl.json': flJson,
  'ga.json': gaJson,
  'il.json': ilJson,
  'ky.json': kyJson,
  'ma.json': maJson,
  'md.json': mdJson,
  'mi.json': miJson,
  'mn.json': mnJson,
  'nc.json': ncJson,
  'nj.json': njJson,
  'nm.json': nmJson,
  'ny.json': nyJson,
  'oh.json': ohJson,
  'ok.json': okJson,
  'or.json': orJson,
  'pa.json': paJson,
  'tn.json': tnJson,
  'tx.json': txJson,
  'ut.json': utJson,
  'va.json': vaJson,
  'wa.json': waJson,
  'wi.json': wiJson,
};
