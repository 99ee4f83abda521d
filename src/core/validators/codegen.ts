/**
 * Writes the source of src/core/validators/generated.ts: for each input schema, plain TypeScript functions
 * that do what zod's parser does (src/core/validators/walker.ts is the same logic as closures), one function
 * per schema node, with every property read and written by a literal name, so V8 compiles each to
 * monomorphic code. A refusal is `throw FAIL` (caught once, in fastValidator), so an accepted value is
 * never compared with a marker on its way up. Generated ahead of time (`npm run validators`), never at
 * run time: no `new Function` or eval, so the core keeps running under a strict Content-Security-Policy
 * and on edge runtimes. A test regenerates the source and fails when the committed file is stale.
 *
 * The generated code restates no limit or refinement of its own accord: lengths and ranges are copied
 * from the schema's checks, and every other check (instants, zones, clock times, cross-field rules) is
 * zod's own check object, reached at run time by its path in the schema and run as zod runs it.
 */
import type { InputBounds } from '../validate.js';
import { isPlainRefinement, type ZodCheckInternals, type ZodInternals } from './runtime.js';
import { compileSchema } from './walker.js';

/** A schema to generate a validator for: its exported name and the module it is imported from (relative to src/core/validators/). */
export interface Source {
  readonly name: string;
  readonly from: string;
  readonly schema: unknown;
}

const key = (k: string): string => JSON.stringify(k);

/** The source of src/core/validators/generated.ts for these schemas, against these input bounds. */
export function generateValidators(sources: readonly Source[], bounds: InputBounds): string {
  const refs: string[] = []; // const declarations: schema nodes, checks, defs, zod-parsed nodes
  const fns: string[] = [];
  const names = new Map<unknown, string>();
  let counter = 0;

  /** A const bound to a JS expression evaluated once, when the validators are built. */
  const ref = (prefix: string, expression: string): string => {
    const name = `${prefix}${counter}`;
    counter += 1;
    refs.push(`  const ${name}: any = ${expression};`);
    return name;
  };

  /** Code that applies the schema's checks to `r`, throwing FAIL on the first that fails. */
  function checksCode(node: () => string, checks: readonly ZodCheckInternals[] | undefined): string[] {
    const out: string[] = [];
    (checks ?? []).forEach((check, i) => {
      const def = check._zod.def;
      const k = (): string => ref('k', `${node()}._zod.def.checks[${i}]`);
      if (def.check === 'max_length' && typeof def.maximum === 'number') {
        out.push(`    if (r.length > ${def.maximum} && (typeof r !== 'string' || runCheck(${k()}, r) === FAIL)) throw FAIL;`);
      } else if (def.check === 'min_length' && typeof def.minimum === 'number') {
        const min = def.minimum;
        out.push(`    if (typeof r === 'string' ? r.length < ${2 * min} && (r.length < ${min} || runCheck(${k()}, r) === FAIL) : r.length < ${min}) throw FAIL;`);
      } else if ((def.check === 'greater_than' || def.check === 'less_than') && typeof def.value === 'number' && Number.isFinite(def.value) && def.when === undefined) {
        const op = def.check === 'greater_than' ? (def.inclusive === true ? '>=' : '>') : def.inclusive === true ? '<=' : '<';
        out.push(`    if (!(r ${op} ${def.value})) throw FAIL;`);
      } else if (isPlainRefinement(check)) {
        // zod's refinement function itself, called here (see isPlainRefinement).
        const f = ref('f', `refinementOf(${node()}._zod.def.checks[${i}])`);
        out.push(`    if (refused(${f}(r))) throw FAIL;`);
      } else {
        out.push(`    r = runCheck(${k()}, r);`, '    if (r === FAIL) throw FAIL;');
      }
    });
    return out;
  }

  /** The function name that validates `schema` (reached at run time by the expression `path`), generating it once. */
  function fn(schema: ZodInternals, path: string): string {
    const known = names.get(schema);
    if (known !== undefined) return known;
    const name = `v${counter}`;
    counter += 1;
    names.set(schema, name);
    let nodeRef: string | undefined;
    /** The const holding this schema node, declared on first use. */
    const node = (): string => (nodeRef ??= ref('s', path));
    const def = schema._zod.def;
    const body: string[] = [];
    let viaZod = false;
    const zod = (): void => {
      viaZod = true;
      body.push(`    const r: unknown = ${ref('z', `viaZod(${node()})`)}(v);`, '    if (r === FAIL) throw FAIL;', '    return r;');
    };
    const enumValues = schema._zod.values === undefined ? [] : [...schema._zod.values];
    if (def.coerce === true) zod();
    else if (def.type === 'string' && def.format === undefined) {
      body.push(`    if (typeof v !== 'string' || v.length > ${bounds.maxStringLength}) throw FAIL;`, '    let r: any = v;');
    } else if (def.type === 'number' && (def.format === undefined || def.format === 'safeint' || def.format === 'float64')) {
      body.push("    if (typeof v !== 'number' || !Number.isFinite(v)) throw FAIL;", '    let r: any = v;');
    } else if (def.type === 'boolean') {
      body.push("    if (typeof v !== 'boolean') throw FAIL;", '    let r: any = v;');
    } else if (def.type === 'enum' && enumValues.length > 0 && enumValues.every((x) => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)))) {
      body.push(`    if (${enumValues.map((x) => `v !== ${JSON.stringify(x)}`).join(' && ')}) throw FAIL;`, '    let r: any = v;');
    } else if (def.type === 'never') {
      body.push('    throw FAIL;');
    } else if (def.type === 'object' && Object.getOwnPropertySymbols(def.shape as object).length === 0 && (def.catchall === undefined || (def.catchall as ZodInternals)._zod.def.type === 'never')) {
      const shape = def.shape as Record<string, ZodInternals>;
      const keys = Object.keys(shape);
      body.push("    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw FAIL;", '    const out: any = {};', '    let x: unknown;');
      // Field by field as zod's object parser (handlePropertyResult) treats presence, absence and undefined:
      // the value read first, then `key in v` where presence matters (as zod asks it: a proxy whose `has`
      // and `get` disagree gets zod's answer, not a guess from the value).
      for (const k of keys) {
        if (k === '__proto__') continue;
        const field = shape[k] as ZodInternals;
        const optin = field._zod.optin;
        const optionalOut = field._zod.optout === 'optional';
        const check = fn(field, `${node()}._zod.def.shape[${key(k)}]`);
        const present = `(${key(k)} in v)`;
        body.push(`    x = v[${key(k)}];`);
        if (optionalOut && optin === 'optional') {
          body.push(`    if ${present} out[${key(k)}] = ${check}(x);`);
        } else if (optin !== undefined && optionalOut) {
          // A defaulted key whose output is optional: a refusal of an absent key leaves the key out.
          body.push(
            `    if ${present} x = ${check}(x);`,
            '    else {',
            '      try {',
            `        x = ${check}(x);`,
            '      } catch (e) {',
            '        if (e !== FAIL) throw e;',
            '        x = FAIL;',
            '      }',
            '    }',
            `    if (x !== FAIL && x !== undefined) out[${key(k)}] = x;`,
            `    else if (x !== FAIL && ${present}) out[${key(k)}] = undefined;`,
          );
        } else if (optin === undefined) {
          body.push(`    if (!${present}) throw FAIL;`, `    out[${key(k)}] = ${check}(x);`);
        } else if (optin === 'defaulted') {
          body.push(`    out[${key(k)}] = ${check}(x);`);
        } else {
          body.push(`    if ${present} out[${key(k)}] = ${check}(x);`, `    else if ((x = ${check}(x)) !== undefined) out[${key(k)}] = x;`);
        }
      }
      if (def.catchall !== undefined) {
        body.push('    for (const k in v) {', '      switch (k) {');
        for (const k of keys) body.push(`        case ${key(k)}:`);
        body.push('          break;', '        default:', '          throw FAIL;', '      }', '    }');
      }
      body.push('    let r: any = out;');
    } else if (def.type === 'array') {
      const element = fn(def.element as ZodInternals, `${node()}._zod.def.element`);
      let max = bounds.maxArrayLength;
      for (const c of def.checks ?? []) if (c._zod.def.check === 'max_length' && typeof c._zod.def.maximum === 'number') max = Math.min(max, c._zod.def.maximum);
      body.push(
        '    if (!Array.isArray(v)) throw FAIL;',
        '    const n = v.length;',
        `    if (n > ${max}) throw FAIL;`,
        '    const out = new Array<unknown>(n);',
        `    for (let i = 0; i < n; i += 1) out[i] = ${element}(v[i]);`,
        '    let r: any = out;',
      );
    } else if (def.type === 'optional' && (def.innerType as ZodInternals)._zod.optin !== 'defaulted') {
      const inner = fn(def.innerType as ZodInternals, `${node()}._zod.def.innerType`);
      body.push(`    let r: any = v === undefined ? undefined : ${inner}(v);`);
    } else if (def.type === 'default') {
      const inner = fn(def.innerType as ZodInternals, `${node()}._zod.def.innerType`);
      // Read on each use: zod's getter hands out a fresh copy of an array or object default.
      const d = ref('d', `${node()}._zod.def`);
      body.push(`    if (v === undefined) return ${d}.defaultValue;`, `    let r: any = ${inner}(v);`, `    if (r === undefined) r = ${d}.defaultValue;`);
    } else {
      zod();
    }
    if (!viaZod && def.type !== 'never') body.push(...checksCode(node, def.checks), '    return r;');
    fns.push(`  function ${name}(v: any): unknown {\n${body.join('\n')}\n  }`);
    return name;
  }

  const entries = sources.map((s) => {
    const { withinBounds } = compileSchema(s.schema as ZodInternals, bounds);
    return `    [${s.name}, { parse: ${fn(s.schema as ZodInternals, s.name)}, withinBounds: ${withinBounds} }],`;
  });

  const imports = [...new Set(sources.map((s) => s.from))].map((from) => {
    const names = sources.filter((s) => s.from === from).map((s) => s.name).sort();
    return `import { ${names.join(', ')} } from '${from}';`;
  });

  return `// Generated by \`npm run validators\` (src/core/validators/codegen.ts) from the zod schemas: do not edit.
// test/properties/fast-validate.test.ts fails when this file no longer matches the schemas.
/* eslint-disable */
${imports.join('\n')}
import { FAIL, refinementOf, refused, runCheck, viaZod, type Parse } from './runtime.js';

/** The input bounds this code was generated against (strings and arrays are measured inline). */
export const GENERATED_BOUNDS = ${JSON.stringify(bounds)} as const;

/** The validators, built on first use (their references into the schemas resolved then). */
export function buildValidators(): Map<unknown, { readonly parse: Parse; readonly withinBounds: boolean }> {
${refs.join('\n')}

${fns.join('\n\n')}

  return new Map<unknown, { readonly parse: Parse; readonly withinBounds: boolean }>([
${entries.join('\n')}
  ]);
}
`;
}
