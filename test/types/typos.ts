/**
 * Type test, checked by `tsc --noEmit` (npm test's typecheck; tsconfig includes test/): a misspelled key
 * in the input of checkAction, createGuard's checks, prepareCase, scheduleAction or quota is a compile
 * error. Each `@ts-expect-error` fails the typecheck if the line below it ever compiles.
 */
import { checkAction, createGuard, nextAllowedAt, prepareCase, quota, scheduleAction, type ActionInput, type ContextInput } from '../../src/index.js';

const context: ContextInput = { debtor: { id: 'D1' }, debt: { id: 'L1', status: 'overdue' } };
const action: ActionInput = {
  channel: 'voice',
  at: '2026-11-30T10:00:00+08:00',
  target: { role: 'debtor' },
  actor: { kind: 'ai', ai: { id: 'B1' }, organization: { id: 'O1', kind: 'lender' } },
};

export function typos(): void {
  // @ts-expect-error `chanel` is not a key of ActionInput
  checkAction(context, { ...action, chanel: 'voice' });
  // @ts-expect-error `timezone` is not a key of the debtor (it is `timeZone`)
  checkAction({ ...context, debtor: { id: 'D1', timezone: 'Asia/Shanghai' } }, action);
  // @ts-expect-error `fax` is not a channel
  checkAction(context, { ...action, channel: 'fax' });
  // @ts-expect-error `histroy` is not a key of ContextInput
  prepareCase({ ...context, histroy: [] });
  // @ts-expect-error `purpouse` is not a key of ActionInput
  scheduleAction(context, { ...action, purpouse: 'reminder' });
  // @ts-expect-error `targt` is not a key of ActionInput
  nextAllowedAt(context, { ...action, targt: { role: 'debtor' } });
  // @ts-expect-error `agrement` is not a key of ContextInput
  quota({ ...context, agrement: { ref: 'A' } }, '2026-11-30T10:00:00+08:00');
  const guard = createGuard({ profile: 'cba-2026' });
  // @ts-expect-error `phoneref` is not a key of ActionInput (it is `phoneRef`)
  guard.checkSync(context, { ...action, phoneref: 'P1' });
  // @ts-expect-error `deptor` is not a key of ContextInput
  void guard.check({ ...context, deptor: { id: 'D1' } }, action);
  // @ts-expect-error `conduct` takes known flags only
  guard.prepareCase(context).check({ ...action, conduct: ['shouting'] });

  // Correct input compiles; input of unknown shape (JSON.parse gives `any`) compiles and is checked at run time.
  checkAction(context, action);
  const fromJson: unknown = JSON.parse('{}');
  checkAction(JSON.parse('{}'), JSON.parse('{}'));
  checkAction(fromJson as ContextInput, action);
}
