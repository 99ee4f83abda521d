/** lawful-conduct: any flagged prohibited conduct is denied, on every channel, target and actor. */
import type { ActionInput } from '../../src/index.js';
import { action, aiActor, context, visitAction } from '../support/fixtures.js';
import type { InvalidCase, RuleTable } from '../support/rule-tester.js';

type Conduct = NonNullable<ActionInput['conduct']>[number];
const ALL: Conduct[] = ['threat', 'insult', 'violence', 'harassment', 'impersonation', 'forged_document', 'false_statement', 'public_shaming'];

/** The fixtures' action without a `conduct` field at all. */
const { conduct: _omitted, ...withoutConduct } = action();

const denied = (name: string, act: ActionInput, conduct: Conduct[]): InvalidCase => ({
  name,
  context: context(),
  action: act,
  violations: [{ code: 'prohibited-conduct', facts: { conduct } }],
});

export default {
  valid: [
    { name: 'nothing flagged', doc: 'nothing flagged', context: context(), action: action({ conduct: [] }) },
    { name: 'conduct omitted defaults to none', context: context(), action: withoutConduct as ActionInput },
    { name: 'a letter with nothing flagged', context: context(), action: action({ channel: 'letter', conduct: [] }) },
  ],
  invalid: [
    ...ALL.map((value) => denied(`${value} alone`, action({ conduct: [value] }), [value])),
    {
      ...denied('a threat and an impersonation give one violation listing both', action({ conduct: ['threat', 'impersonation'] }), ['threat', 'impersonation']),
      doc: 'a script that threatens and claims to speak for a court',
    },
    denied('a repeated value is listed once', action({ conduct: ['insult', 'insult', 'harassment'] }), ['insult', 'harassment']),
    denied('all eight values give one violation listing all eight', action({ conduct: ALL }), ALL),
    // issue 14: a false or misleading statement and public shaming are denied on their own, on every channel (voice above).
    ...(['false_statement', 'public_shaming'] as const).flatMap((value) =>
      (['sms', 'letter', 'im'] as const).map((channel) => denied(`${value} by ${channel}`, action({ channel, conduct: [value] }), [value])),
    ),
    denied('violence on a visit', visitAction({ conduct: ['violence'] }), ['violence']),
    denied('a forged document by letter', action({ channel: 'letter', conduct: ['forged_document'] }), ['forged_document']),
    denied('a threat to a guarantor', action({ target: { role: 'guarantor', partyId: 'G1' }, conduct: ['threat'] }), ['threat']),
    denied('harassment by an AI actor', action({ actor: aiActor(), conduct: ['harassment'] }), ['harassment']),
  ],
} satisfies RuleTable;
