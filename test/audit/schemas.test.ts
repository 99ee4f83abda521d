import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/cli/commands/schema.js';
import { checkAction } from '../../src/index.js';
import { action, context, visitAction } from '../support/fixtures.js';
import { record } from './support.js';

const FILES = ['context.schema.json', 'action.schema.json', 'decision.schema.json', 'audit-record.schema.json'];
const committed = (file: string): string => readFileSync(new URL(`../../schemas/${file}`, import.meta.url), 'utf8');

describe('schemas/ (JSON Schema generated from the zod schemas)', () => {
  it('are up to date: npm run schemas regenerates them', () => {
    const generated = jsonSchemas();
    expect(Object.keys(generated)).toEqual(FILES);
    for (const file of FILES) expect(committed(file), `schemas/${file} is stale: run npm run schemas`).toBe(generated[file]);
  });

  const ajv = new Ajv2020({ allErrors: true });
  const validator = (file: string) => ajv.compile(JSON.parse(committed(file)) as object);
  const contextValid = validator('context.schema.json');
  const actionValid = validator('action.schema.json');
  const decisionValid = validator('decision.schema.json');
  const recordValid = validator('audit-record.schema.json');

  it('are draft 2020-12 and accept the payloads the library accepts', () => {
    for (const file of FILES) expect(JSON.parse(committed(file)).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(contextValid(context())).toBe(true);
    expect(contextValid({ debtor: { id: 'D1' }, debt: { id: 'L1', status: 'overdue' } })).toBe(true); // defaults may be omitted
    expect(actionValid(action())).toBe(true);
    expect(actionValid(visitAction())).toBe(true);
    expect(recordValid(record('2026-11-30T10:00:00+08:00', { id: 'R1' }))).toBe(true);
    const allow = checkAction(context(), action());
    const deny = checkAction(context(), action({ at: '2026-11-30T23:00:00+08:00', conduct: ['threat'] }));
    const invalid = checkAction({} as never, {} as never);
    for (const decision of [allow, deny, invalid]) expect(decisionValid(decision), JSON.stringify(decisionValid.errors)).toBe(true);
  });

  it('refuse unknown keys, missing fields and unknown enum values', () => {
    expect(contextValid({ ...context(), debtr: {} })).toBe(false);
    expect(contextValid({ debt: { id: 'L1', status: 'overdue' } })).toBe(false);
    expect(contextValid({ ...context(), debt: { id: 'L1', status: 'paid' } })).toBe(false);
    expect(actionValid({ ...action(), channel: 'fax' })).toBe(false);
    expect(actionValid({ ...action(), actor: { ...action().actor, colour: 'red' } })).toBe(false);
    expect(recordValid(context())).toBe(false); // no action, no outcome
    expect(recordValid({ ...record('2026-11-30T10:00:00+08:00'), history: [] })).toBe(false); // the audit builds the history
    expect(recordValid({ ...record('2026-11-30T10:00:00+08:00'), outcome: 'answered' })).toBe(false);
    expect(decisionValid({ ...checkAction(context(), action()), outcome: 'maybe' })).toBe(false);
  });

  it('carry the patterns of instants, zones and clock times', () => {
    expect(actionValid({ ...action(), at: '2026-11-30T10:00:00' })).toBe(false); // a local time is not an instant
    expect(actionValid({ ...action(), at: '2026-11-30T10:00+08:00' })).toBe(true);
    expect(contextValid({ ...context(), debtor: { id: 'D1', timeZone: 'Asia Shanghai' } })).toBe(false);
    expect(contextValid({ ...context(), agreement: { windows: [{ start: '24:00', end: '08:00' }] } })).toBe(false);
    expect(contextValid({ ...context(), agreement: { windows: [{ start: '22:00', end: '08:00' }] } })).toBe(true);
  });
});
