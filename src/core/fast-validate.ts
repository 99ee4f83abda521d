/**
 * Validate fast, explain slow: the hot path validates with code generated from the zod schemas
 * (src/core/validators/generated.ts, by src/core/validators/codegen.ts), which accepts exactly what the input-bounds
 * walk and zod together accept and returns zod's output (defaults filled in, keys in the schema's order).
 * It says nothing about why an input is refused: on a refusal the caller parses with zod, which names every
 * problem. The schemas stay the single source of truth: the generated code copies lengths and ranges from
 * their checks and runs every refinement (instants, zones, clock times, settled/settledAt, windows, visit
 * presence …) through zod's own check objects.
 *
 * No code is generated at run time (no `new Function`, no eval), so the core runs under a strict CSP and
 * on edge runtimes. A schema without generated code (a test's, or one added before `npm run validators`)
 * gets the same logic as a tree of closures (src/core/validators/walker.ts): slower, never different.
 *
 * The input bounds (validate.ts, INPUT_BOUNDS) are folded in: for a schema whose accepted values provably
 * stay within the bounds (fixed depth, arrays with a maximum, strict objects), only each string's length
 * is measured on the way; any other schema gets the bounds walk first.
 */
import type { z } from 'zod';
import type { InputBounds } from './validate.js';
import { buildValidators, GENERATED_BOUNDS } from './validators/generated.js';
import { FAIL, type Parse, type ZodInternals } from './validators/runtime.js';
import { compileSchema } from './validators/walker.js';

/** A schema's fast validator. */
export interface FastValidator<T> {
  /**
   * The value zod's parse would return (as validate's result, so it is handed on without another
   * object), or undefined when zod must decide (and explain). Never throws.
   */
  readonly parse: (input: unknown) => { ok: true; value: T } | undefined;
  /** True when every value the schema accepts is within the input bounds, so no separate bounds walk runs. */
  readonly withinBounds: boolean;
  /** Whether the validator is generated code (else the closure walker). */
  readonly generated: boolean;
}

let generated: Map<unknown, { readonly parse: Parse; readonly withinBounds: boolean }> | undefined;
// One entry per schema object of the code (a handful), per bounds object (one): it cannot grow with input.
let validators = new WeakMap<object, FastValidator<unknown>>();
let validatorsBounds: InputBounds | undefined;

const sameBounds = (a: InputBounds, b: InputBounds): boolean =>
  a.maxDepth === b.maxDepth && a.maxStringLength === b.maxStringLength && a.maxArrayLength === b.maxArrayLength && a.maxObjectKeys === b.maxObjectKeys && a.maxNodes === b.maxNodes;

/**
 * The fast validator of a schema against the input bounds `limits`, built on first use (a process that
 * never validates a kind of input never pays for it). `walk` is the input-bounds walk, run first when the
 * schema does not prove its values within `limits`.
 */
export function fastValidator<S extends z.ZodType>(schema: S, limits: InputBounds, walk: (input: unknown) => boolean): FastValidator<z.output<S>> {
  if (validatorsBounds !== limits) {
    validators = new WeakMap();
    validatorsBounds = limits;
  }
  const known = validators.get(schema);
  if (known !== undefined) return known as FastValidator<z.output<S>>;
  let compiled: { readonly parse: Parse; readonly withinBounds: boolean } | undefined;
  if (sameBounds(limits, GENERATED_BOUNDS)) {
    generated ??= buildValidators();
    compiled = generated.get(schema);
  }
  const isGenerated = compiled !== undefined;
  compiled ??= compileSchema(schema as unknown as ZodInternals, limits);
  const { parse, withinBounds } = compiled;
  const validator: FastValidator<z.output<S>> = {
    withinBounds,
    generated: isGenerated,
    parse(input) {
      try {
        if (!withinBounds && !walk(input)) return undefined;
        const out = parse(input);
        return out === FAIL ? undefined : { ok: true, value: out as z.output<S> };
      } catch {
        return undefined; // the generated code's FAIL, a throwing getter, a proxy: zod's parse (and its error handling) decides
      }
    },
  };
  validators.set(schema, validator as FastValidator<unknown>);
  return validator;
}
