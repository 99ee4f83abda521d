/** settled-debt: an action at or after settlement is denied, with the 5.5 destroy-case-data obligation on the deny. */
import type { ContextInput } from '../../src/index.js';
import { action, AT, context, visitAction } from '../support/fixtures.js';
import type { RuleTable } from '../support/rule-tester.js';

const settled = (settledAt: string): ContextInput => context({ debt: { id: 'L1', status: 'settled', settledAt } });
const DENIED = { violations: [{ code: 'debt-settled', facts: {} }], obligations: [{ code: 'destroy-case-data', facts: {} }] };
const LONG_AGO = settled('2026-11-01T00:00:00+08:00');

// The action is at AT = 2026-11-30T10:00:00+08:00.
export default {
  valid: [
    { name: 'an overdue debt, by sms', doc: 'the debt is overdue', context: context(), action: action({ channel: 'sms' }), obligations: [] },
    { name: 'an overdue debt, by voice', context: context(), action: action(), obligations: [] },
    {
      name: 'settled one second after the action (a valid input: not yet settled then)',
      context: settled('2026-11-30T10:00:01+08:00'),
      action: action(),
      obligations: [],
    },
  ],
  invalid: [
    { name: 'settled the evening before, by sms', doc: 'settled the evening before', context: settled('2026-11-29T15:00:00+08:00'), action: action({ channel: 'sms' }), ...DENIED },
    { name: 'settled the evening before, by voice', context: settled('2026-11-29T15:00:00+08:00'), action: action(), ...DENIED },
    { name: 'settled exactly at the action instant', context: settled(AT), action: action(), ...DENIED },
    { name: 'settled at the same instant written in another offset', context: settled('2026-11-30T02:00:00Z'), action: action(), ...DENIED },
    ...(['voice', 'sms', 'im', 'email', 'letter'] as const).map((channel) => ({
      name: `settled long ago: ${channel}`,
      context: LONG_AGO,
      action: action({ channel }),
      ...DENIED,
    })),
    { name: 'settled long ago: a visit', context: LONG_AGO, action: visitAction(), ...DENIED },
    { name: 'settled long ago: a call to a guarantor', context: LONG_AGO, action: action({ target: { role: 'guarantor', partyId: 'G1' } }), ...DENIED },
    {
      name: 'other violations (23:00, a threat) do not remove the obligation',
      context: LONG_AGO,
      action: action({ at: '2026-11-30T23:00:00+08:00', conduct: ['threat'] }),
      ...DENIED,
    },
  ],
} satisfies RuleTable;
