/** system-security: the system performing the action is attested at MLPS >= the minimum, masks and encrypts. */
import { action, aiActor, context } from '../support/fixtures.js';
import type { RuleTable } from '../support/rule-tester.js';
import { withSystem } from '../support/who.js';

const by = (fields: Record<string, unknown> | null) => action({ actor: withSystem(fields) });
const LEVEL_3 = { overlay: { minMlpsLevel: 3 } };

export default {
  valid: [
    { name: 'an attested system at MLPS 3, masking and encrypting', context: context(), action: by({}) },
    { name: 'exactly the minimum level (2)', context: context(), action: by({ mlpsLevel: 2 }) },
    {
      name: 'an AI actor on a level-2 system',
      doc: 'an AI actor on a level-2 system, masking and encrypting',
      context: context(),
      action: action({ actor: aiActor({ system: { mlpsLevel: 2, piiMasked: true, encryptedInTransit: true } }) }),
    },
    { name: 'an overlay requiring level 3: level 3 passes', guard: LEVEL_3, context: context(), action: by({ mlpsLevel: 3 }) },
  ],
  invalid: [
    { name: 'no system attestation', context: context(), action: by(null), violations: [{ code: 'not-attested', facts: {} }] },
    {
      name: 'one level below the minimum',
      context: context(),
      action: by({ mlpsLevel: 1 }),
      violations: [{ code: 'mlps-below-minimum', facts: { mlpsLevel: 1, minMlpsLevel: 2 } }],
    },
    { name: 'personal information not masked', context: context(), action: by({ piiMasked: false }), violations: [{ code: 'pii-not-masked', facts: { piiMasked: false } }] },
    {
      name: 'not encrypted in transit',
      context: context(),
      action: by({ encryptedInTransit: false }),
      violations: [{ code: 'not-encrypted-in-transit', facts: { encryptedInTransit: false } }],
    },
    {
      name: 'level 1 and unencrypted: one violation each',
      doc: 'a level-1 system that does not encrypt in transit',
      context: context(),
      action: by({ mlpsLevel: 1, encryptedInTransit: false }),
      violations: [
        { code: 'mlps-below-minimum', facts: { mlpsLevel: 1, minMlpsLevel: 2 } },
        { code: 'not-encrypted-in-transit', facts: { encryptedInTransit: false } },
      ],
    },
    {
      name: 'all three failures at once',
      context: context(),
      action: by({ mlpsLevel: 0, piiMasked: false, encryptedInTransit: false }),
      violations: [
        { code: 'mlps-below-minimum', facts: { mlpsLevel: 0, minMlpsLevel: 2 } },
        { code: 'pii-not-masked', facts: { piiMasked: false } },
        { code: 'not-encrypted-in-transit', facts: { encryptedInTransit: false } },
      ],
    },
    {
      name: 'an overlay requiring level 3 takes the minimum from the limits: level 2 is denied',
      guard: LEVEL_3,
      context: context(),
      action: by({ mlpsLevel: 2 }),
      violations: [{ code: 'mlps-below-minimum', facts: { mlpsLevel: 2, minMlpsLevel: 3 } }],
    },
    {
      name: 'an AI actor on a level-1 system',
      context: context(),
      action: action({ actor: aiActor({ system: { mlpsLevel: 1, piiMasked: true, encryptedInTransit: true } }) }),
      violations: [{ code: 'mlps-below-minimum', facts: { mlpsLevel: 1, minMlpsLevel: 2 } }],
    },
  ],
} satisfies RuleTable;
