/**
 * What the fast validators share (src/core/fast-validate.ts): the refusal marker, zod's checks run as zod runs
 * them, and a node parsed by zod itself. Reads zod's internals (`_zod`, zod/v4/core), stable within the
 * pinned zod version; the differential test (test/properties/fast-validate.test.ts) notices any change.
 */

/** A compiled node: the parsed value, or FAIL (the closure walker returns it; generated code throws it). */
export type Parse = (value: unknown) => unknown;

/**
 * The fast path's refusal: zod then decides, and explains. Generated code throws it, so a valid value
 * passes through without a comparison per node (a compare of mixed types against a symbol is a generic
 * builtin call in V8); fastValidator's try/catch turns it back into a refusal.
 */
export const FAIL: unique symbol = Symbol('fail');

export interface Payload {
  value: unknown;
  issues: unknown[];
}

/** The parts of a zod check read here. */
export interface ZodCheckInternals {
  readonly _zod: {
    readonly def: {
      readonly check: string;
      readonly when?: (payload: Payload) => boolean;
      readonly minimum?: number;
      readonly maximum?: number;
      readonly value?: unknown;
      readonly inclusive?: boolean;
      readonly type?: string;
      readonly fn?: unknown;
    };
    readonly check: (payload: Payload) => unknown;
    readonly traits?: ReadonlySet<string>;
  };
}

/** The parts of a zod schema read here. */
export interface ZodInternals {
  readonly _zod: {
    readonly def: Record<string, unknown> & { readonly type: string; readonly checks?: readonly ZodCheckInternals[] };
    readonly optin?: 'optional' | 'defaulted';
    readonly optout?: 'optional';
    readonly values?: ReadonlySet<unknown>;
    readonly run: (payload: Payload, ctx: { readonly async: false }) => Payload | Promise<Payload>;
  };
}

/**
 * Runs one of zod's checks the way zod's runChecks does (its `when` guard first): the value after it
 * (an `overwrite` check may replace it), or FAIL when it adds an issue.
 */
export function runCheck(check: ZodCheckInternals, value: unknown): unknown {
  const payload: Payload = { value, issues: [] };
  const when = check._zod.def.when;
  if (when !== undefined && !when(payload)) return value;
  const result = check._zod.check(payload);
  if (result instanceof Promise) {
    result.catch(() => undefined);
    return FAIL; // an asynchronous refinement: zod's synchronous parse refuses it; let zod say so
  }
  return payload.issues.length === 0 ? payload.value : FAIL;
}

/**
 * A node parsed by zod itself (a transform, a pipe, a union …), exactly as its parent would run it:
 * right by construction, at zod's speed for that part only.
 */
export function viaZod(schema: ZodInternals): Parse {
  const ctx = { async: false } as const;
  return (value) => {
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
      result.catch(() => undefined);
      return FAIL;
    }
    return result.issues.length === 0 ? result.value : FAIL;
  };
}

/**
 * Whether a check is a plain `.refine(fn)` (zod's $ZodCustom, no `when` guard). zod's check then adds an
 * issue exactly when `fn(value)` is falsy (a promise: refused by a synchronous parse), and never changes
 * the value, so the validators call `fn` directly (runRefinement): no payload or issue list per value, and
 * a call site of its own for each refinement rather than the one shared by every check in runCheck.
 */
export function isPlainRefinement(check: ZodCheckInternals): boolean {
  const def = check._zod.def;
  return def.check === 'custom' && def.type === 'custom' && typeof def.fn === 'function' && def.when === undefined && check._zod.traits?.has('$ZodCustom') === true;
}

/** The refinement function of a plain refinement (isPlainRefinement). */
export function refinementOf(check: ZodCheckInternals): (value: unknown) => unknown {
  return check._zod.def.fn as (value: unknown) => unknown;
}

/** Whether a plain refinement's result refuses the value: falsy, or a promise (zod's synchronous parse refuses an asynchronous refinement; zod then says so). */
export function refused(ok: unknown): boolean {
  if (ok instanceof Promise) {
    ok.catch(() => undefined);
    return true;
  }
  return !ok;
}

/** A plain refinement's outcome, as runCheck would give it: the value, or FAIL. */
export function runRefinement(fn: (value: unknown) => unknown, value: unknown): unknown {
  return refused(fn(value)) ? FAIL : value;
}
