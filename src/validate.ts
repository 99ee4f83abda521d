import type { z } from 'zod';
import type { InputProblem } from './decision.js';
import { Action } from './schema/action.js';
import { Context } from './schema/context.js';

function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return out;
}

export function problemsOf(root: string, error: z.ZodError): InputProblem[] {
  return error.issues.map((issue) => ({ path: formatPath(root, issue.path), message: issue.message }));
}

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

/** Parses with a schema, never throwing: a hostile object (a throwing getter, a proxy) is a problem too. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, root: string): Validated<z.output<S>> {
  try {
    const result = schema.safeParse(input);
    return result.success ? { ok: true, value: result.data } : { ok: false, problems: problemsOf(root, result.error) };
  } catch (error) {
    return { ok: false, problems: [{ path: root, message: `could not be read (${error instanceof Error ? error.name : typeof error})` }] };
  }
}

export const validateContext = (input: unknown): Validated<z.output<typeof Context>> => validate(Context, input, 'context');
export const validateAction = (input: unknown): Validated<z.output<typeof Action>> => validate(Action, input, 'action');
