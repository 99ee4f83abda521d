/**
 * Builders for actions toward someone other than the debtor, and for bending one actor fact at a time.
 * They build on fixtures.ts and stay compliant by default, like it.
 */
import type { ActionInput, ContextInput } from '../../src/index.js';
import { action, agencyOrganization, aiActor, context, humanActor } from './fixtures.js';

type Debtor = ContextInput['debtor'];
type ContactRecord = NonNullable<ContextInput['contacts']>[number];
type GuarantorRecord = NonNullable<ContextInput['guarantors']>[number];

/** A case whose debtor cannot be reached (失联), with contact C1 (bent by `contact`). */
export function unreachableDebtorCase(contact: Partial<ContactRecord> = {}, debtor: Partial<Debtor> = {}): ContextInput {
  return context({
    debtor: { id: 'D1', timeZone: 'Asia/Shanghai', reachable: false, ...debtor },
    contacts: [{ partyId: 'C1', ...contact }],
  });
}

/** A case with guarantor G1 (bent by `guarantor`). */
export function guarantorCase(guarantor: Partial<GuarantorRecord> = {}): ContextInput {
  return context({ guarantors: [{ partyId: 'G1', agreementRef: 'GA-1', coversDebt: true, liabilityCap: 5000, ...guarantor }] });
}

/** A call to contact C1 to locate the debtor, disclosing nothing. */
export function toContact(overrides: Partial<ActionInput> = {}): ActionInput {
  return action({ target: { role: 'contact', partyId: 'C1' }, purpose: 'locate_debtor', disclosures: [], ...overrides });
}

/** A call to guarantor G1 demanding 3000 yuan. */
export function toGuarantor(overrides: Partial<ActionInput> = {}): ActionInput {
  return action({ target: { role: 'guarantor', partyId: 'G1' }, purpose: 'demand_payment', amountDemanded: 3000, ...overrides });
}

/** The fixtures' human actor with some collector fields replaced (`undefined` removes a field). */
export function withCollector(fields: Record<string, unknown>): ActionInput['actor'] {
  const base = humanActor();
  return { ...base, collector: dropUndefined({ ...base.collector, ...fields }) } as ActionInput['actor'];
}

/** The fixtures' AI actor with some AI fields replaced (`undefined` removes a field). */
export function withAi(fields: Record<string, unknown>): ActionInput['actor'] {
  const base = aiActor();
  return { ...base, ai: dropUndefined({ ...base.ai, ...fields }) } as ActionInput['actor'];
}

/** The fixtures' human actor working for agency AG1, with some organisation fields replaced. */
export function agencyActor(fields: Record<string, unknown> = {}): ActionInput['actor'] {
  return humanActor({ organization: dropUndefined({ ...agencyOrganization(), ...fields }) });
}

/** The fixtures' human actor with some system fields replaced, or no system attestation at all. */
export function withSystem(fields: Record<string, unknown> | null): ActionInput['actor'] {
  const base = humanActor();
  if (fields === null) return dropUndefined({ ...base, system: undefined }) as ActionInput['actor'];
  return { ...base, system: { ...base.system, ...fields } } as ActionInput['actor'];
}

function dropUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
