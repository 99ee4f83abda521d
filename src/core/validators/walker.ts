/**
 * The fast validator as a tree of closures compiled from a zod schema's definition (`_zod.def`): the
 * reference form of src/core/fast-validate.ts, used for any schema without generated code
 * (src/core/validators/generated.ts), and the analysis that proves a schema's accepted values stay within the
 * input bounds. Slower than the generated code (every property access is a shared, megamorphic site),
 * never different: both follow zod's object parser field by field.
 */
import type { InputBounds } from '../validate.js';
import { FAIL, isPlainRefinement, refinementOf, runCheck, runRefinement, viaZod, type Parse, type ZodCheckInternals, type ZodInternals } from './runtime.js';

/** The input bounds of the current compilation (set by compileSchema). */
let BOUNDS: InputBounds = { maxDepth: 0, maxStringLength: 0, maxArrayLength: 0, maxObjectKeys: 0, maxNodes: 0 };

/** What a schema node proves about the values it accepts, for the input bounds. */
export interface Shape {
  /** Nesting of objects and arrays below and including this node (0 for a leaf). */
  readonly depth: number;
  /** Most values (nodes) an accepted value holds, itself included; Infinity when unbounded. */
  readonly nodes: number;
  /** Every array has a maximum ≤ the bounds' and every object refuses unknown keys. */
  readonly bounded: boolean;
}

export interface Compiled {
  readonly parse: Parse;
  readonly shape: Shape;
  /** Parsed by zod itself, checks included. */
  readonly viaZod?: true;
}

const LEAF: Shape = { depth: 0, nodes: 1, bounded: true };
/** What a node parsed by zod proves about the bounds: nothing. */
const UNBOUNDED: Shape = { depth: 0, nodes: Number.POSITIVE_INFINITY, bounded: false };

/** One check as a step: the common length and range checks inline, any other through zod's own function. */
function compileCheck(check: ZodCheckInternals): Parse {
  const def = check._zod.def;
  switch (def.check) {
    case 'max_length': {
      const max = def.maximum as number;
      // zod counts a string in code points, at most its UTF-16 length: within the length it fits.
      return (v) => ((v as { length: number }).length <= max ? v : typeof v === 'string' ? runCheck(check, v) : FAIL);
    }
    case 'min_length': {
      const min = def.minimum as number;
      // A code point is one or two units: twice the minimum in units always clears it, fewer never do.
      return (v) => {
        const units = (v as { length: number }).length;
        if (typeof v !== 'string') return units >= min ? v : FAIL;
        return units >= 2 * min ? v : units >= min ? runCheck(check, v) : FAIL;
      };
    }
    case 'greater_than':
      if (typeof def.value === 'number' && def.when === undefined) {
        const bound = def.value;
        return def.inclusive === true ? (v) => ((v as number) >= bound ? v : FAIL) : (v) => ((v as number) > bound ? v : FAIL);
      }
      return (v) => runCheck(check, v);
    case 'less_than':
      if (typeof def.value === 'number' && def.when === undefined) {
        const bound = def.value;
        return def.inclusive === true ? (v) => ((v as number) <= bound ? v : FAIL) : (v) => ((v as number) < bound ? v : FAIL);
      }
      return (v) => runCheck(check, v);
    default: {
      if (isPlainRefinement(check)) {
        const fn = refinementOf(check);
        return (v) => runRefinement(fn, v);
      }
      return (v) => runCheck(check, v);
    }
  }
}

/** The schema's own checks (refinements, lengths, ranges) after its type, in order: all must pass, as in zod. */
function withChecks(inner: Parse, checks: readonly ZodCheckInternals[] | undefined): Parse {
  if (checks === undefined || checks.length === 0) return inner;
  const steps = checks.map(compileCheck);
  if (steps.length === 1) {
    const only = steps[0] as Parse;
    return (value) => {
      const out = inner(value);
      return out === FAIL ? FAIL : only(out);
    };
  }
  return (value) => {
    let out = inner(value);
    for (let i = 0; i < steps.length && out !== FAIL; i += 1) out = (steps[i] as Parse)(out);
    return out;
  };
}

/** A node parsed by zod itself: it proves nothing about the bounds unless told. */
function byZod(schema: ZodInternals, shape: Shape = UNBOUNDED): Compiled {
  return { parse: viaZod(schema), shape, viaZod: true };
}

const maxLengthOf = (checks: readonly ZodCheckInternals[] | undefined): number => {
  let max = Number.POSITIVE_INFINITY;
  for (const c of checks ?? []) if (c._zod.def.check === 'max_length') max = Math.min(max, c._zod.def.maximum ?? max);
  return max;
};

const isNumber: Parse = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : FAIL);
const isBoolean: Parse = (v) => (typeof v === 'boolean' ? v : FAIL);

interface Field {
  readonly key: string;
  readonly parse: Parse;
  readonly optin: 'optional' | 'defaulted' | undefined;
  readonly optionalOut: boolean;
}

function compileObject(schema: ZodInternals, def: Record<string, unknown>, seen: Map<unknown, Compiled>): Compiled {
  const shapeObject = def.shape as Record<string, ZodInternals>;
  if (Object.getOwnPropertySymbols(shapeObject).length > 0) return byZod(schema);
  const catchall = def.catchall as ZodInternals | undefined;
  // Strict (catchall never: an unknown key is refused) or the default strip mode (unknown keys dropped).
  const strict = catchall !== undefined;
  if (strict && catchall._zod.def.type !== 'never') return byZod(schema);
  const keys = Object.keys(shapeObject);
  const known = new Set(keys);
  const fields: Field[] = [];
  let depth = 0;
  let nodes = 1;
  let bounded = strict && keys.length <= BOUNDS.maxObjectKeys;
  for (const key of keys) {
    if (key === '__proto__') continue; // zod never copies it either
    const schema = shapeObject[key] as ZodInternals;
    const compiled = compile(schema, seen);
    fields.push({ key, parse: compiled.parse, optin: schema._zod.optin, optionalOut: schema._zod.optout === 'optional' });
    depth = Math.max(depth, compiled.shape.depth);
    nodes += compiled.shape.nodes;
    bounded &&= compiled.shape.bounded;
  }
  const parse: Parse = (input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return FAIL;
    const record = input as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    // Field by field as zod's object parser (handlePropertyResult) treats presence, absence and undefined.
    for (const field of fields) {
      const { key, optin } = field;
      const present = key in record;
      if (!present && field.optionalOut && optin === 'optional') continue;
      const result = field.parse(record[key]);
      if (result === FAIL) {
        if (optin !== undefined && field.optionalOut && !present) continue;
        return FAIL;
      }
      if (!present && optin === undefined) return FAIL;
      if (result === undefined) {
        if (present || (optin === 'defaulted' && !field.optionalOut)) out[key] = undefined;
      } else {
        out[key] = result;
      }
    }
    if (strict) {
      for (const key in record) if (!known.has(key)) return FAIL;
    }
    return out;
  };
  return { parse, shape: { depth: depth + 1, nodes, bounded } };
}

function compileArray(def: Record<string, unknown>, checks: readonly ZodCheckInternals[] | undefined, seen: Map<unknown, Compiled>): Compiled {
  const element = compile(def.element as ZodInternals, seen);
  const max = maxLengthOf(checks);
  const each = element.parse;
  const limit = Math.min(max, BOUNDS.maxArrayLength);
  const parse: Parse = (input) => {
    if (!Array.isArray(input)) return FAIL;
    const n = input.length;
    if (n > limit) return FAIL;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i += 1) {
      const r = each(input[i]);
      if (r === FAIL) return FAIL;
      out[i] = r;
    }
    return out;
  };
  return {
    parse,
    shape: { depth: element.shape.depth + 1, nodes: 1 + max * element.shape.nodes, bounded: element.shape.bounded && max <= BOUNDS.maxArrayLength },
  };
}

function compileNode(schema: ZodInternals, seen: Map<unknown, Compiled>): Compiled {
  const def = schema._zod.def;
  if (def.coerce === true) return byZod(schema);
  switch (def.type) {
    case 'string':
      if (def.format !== undefined) return byZod(schema, LEAF);
      {
        const max = BOUNDS.maxStringLength;
        return { parse: (v) => (typeof v === 'string' && v.length <= max ? v : FAIL), shape: LEAF };
      }
    case 'number':
      if (def.format !== undefined && def.format !== 'safeint' && def.format !== 'float64') return byZod(schema, LEAF);
      return { parse: isNumber, shape: LEAF };
    case 'boolean':
      return { parse: isBoolean, shape: LEAF };
    case 'enum': {
      const values = schema._zod.values;
      if (values === undefined) return byZod(schema, LEAF);
      return { parse: (v) => (values.has(v) ? v : FAIL), shape: LEAF };
    }
    case 'never':
      return { parse: () => FAIL, shape: LEAF };
    case 'object':
      return compileObject(schema, def, seen);
    case 'array':
      return compileArray(def, def.checks, seen);
    case 'optional': {
      const inner = def.innerType as ZodInternals;
      if (inner._zod.optin === 'defaulted') return byZod(schema);
      const compiled = compile(inner, seen);
      const p = compiled.parse;
      return { parse: (v) => (v === undefined ? undefined : p(v)), shape: compiled.shape };
    }
    case 'default': {
      const compiled = compile(def.innerType as ZodInternals, seen);
      const p = compiled.parse;
      // Read on each use: zod's getter hands out a fresh copy of an array or object default.
      const fallback = (): unknown => def.defaultValue;
      return {
        parse: (v) => {
          if (v === undefined) return fallback();
          const r = p(v);
          return r === undefined ? fallback() : r;
        },
        shape: compiled.shape,
      };
    }
    case 'pipe':
      // The input is what the pipe's first schema accepts: that bounds it; zod runs the whole pipe.
      return byZod(schema, compile(def.in as ZodInternals, seen).shape);
    default:
      return byZod(schema);
  }
}

function compile(schema: ZodInternals, seen: Map<unknown, Compiled>): Compiled {
  const cached = seen.get(schema);
  if (cached !== undefined) return cached;
  // A recursive schema (z.lazy) meets itself here: zod parses that part.
  seen.set(schema, byZod(schema));
  const node = compileNode(schema, seen);
  const compiled: Compiled = node.viaZod === true ? node : { parse: withChecks(node.parse, schema._zod.def.checks), shape: node.shape };
  seen.set(schema, compiled);
  return compiled;
}

/** A schema compiled against input bounds: its parser, and whether its accepted values provably stay within them. */
export function compileSchema(schema: ZodInternals, limits: InputBounds): { readonly parse: Parse; readonly withinBounds: boolean } {
  BOUNDS = limits;
  const { parse, shape } = compile(schema, new Map());
  return { parse, withinBounds: shape.bounded && shape.depth < limits.maxDepth && shape.nodes <= limits.maxNodes };
}
