/**
 * How sure we are of each requirement, beside the citations of src/core/clauses.ts: docs/guideline.md's confidence
 * column, per rule and per institution-level clause, with the interpretation each rule makes. docs/clauses.md
 * is generated from this table, the citations and the registries (npm run docs:clauses), and a test fails
 * when a rule or check has no row here, or the page is out of date.
 */
import { INVALID_INPUT } from '../core/decision.js';
import { clauses, type Clause } from '../core/clauses.js';

/**
 * docs/guideline.md's levels: `seed` = stated in the guideline summary the project was founded on; `press` =
 * public press reports quoting the standard (or, for another regime, reporting it); `interp` = our
 * interpretation, chosen to be conservative.
 */
export type Confidence = 'seed' | 'press' | 'interp';

export interface Evidence {
  /** The levels the requirement rests on, strongest first. */
  readonly confidence: readonly Confidence[];
  /** docs/guideline.md's confidence column as written (it says which part is an interpretation). */
  readonly note: string;
  /**
   * The interpretations the engine makes, in one or two sentences; some go beyond docs/guideline.md (for
   * example "not stated is not eligible"): the rule's doc lists them all, each with its own level.
   */
  readonly interpretation: string;
}

function evidence(note: string, interpretation: string): Evidence {
  const confidence = (['seed', 'press', 'interp'] as const).filter((level) => note.includes(level));
  return Object.freeze({ confidence: Object.freeze(confidence), note, interpretation });
}

/** Per built-in rule (src/rules/), keyed by rule id. */
export const ruleEvidence: Readonly<Record<string, Evidence>> = Object.freeze({
  'collection-hours': evidence('seed, press', 'Read in the zone of the person approached, Beijing time for every mainland China zone and alias; 22:00:00 is inside the ban and 08:00:00 outside it; only an agreement in force with at least one window lifts it, and only toward the debtor.'),
  'agreed-hours': evidence('press; interp for "also in daytime"', 'Agreed windows replace the default window toward the debtor while the agreement is in force (bounds inclusive), in daytime too; guarantors and contacts never get the debtor\'s windows.'),
  'voice-daily-cap': evidence('seed, press; interp for combining call types and tighten-only agreements', 'Connected and completed outbound voice calls of every organisation count together (the debtor\'s call-backs do not), in the debtor\'s local calendar day (Beijing time for mainland zones); an agreed cap only lowers the cap, unless a custom profile opts in with agreementMayRaiseVoiceCap and a ceiling (its own interpretation).'),
  'unanswered-attempts-cap': evidence('press (China Banking Association guideline; article unconfirmed)', 'Only under a profile that sets it (cba-2026: 6), for voice toward the debtor: unanswered or failed outbound attempts toward the debtor on the action\'s phoneRef in the debtor\'s local day; an agreed cap only lowers it; a voice action without phoneRef is denied.'),
  'visit-daily-cap': evidence('seed', 'A visit counts whatever its outcome, every organisation together, in the debtor\'s local calendar day; only visits to the debtor.'),
  'visit-staffing': evidence('seed', 'Both bounds inclusive (2 and 3); every visit, whoever is visited; the count is the caller\'s declaration.'),
  'visit-premises': evidence('seed', 'Any private residence or office area, whoever\'s; the flags are the visit plan\'s declaration.'),
  'debtor-only': evidence('seed, press', 'Registered means listed in context.contacts or context.guarantors; a debtor target without partyId is the case\'s debtor; anyone else is a third party.'),
  'guarantor-scope': evidence('seed, press; interp for the three checks', 'The guarantee covers this debt, is in force at the instant and the demand is within its cap; a missing bound or cap is not a limit.'),
  'contact-precondition': evidence('press', 'Reachability is the caller\'s fact (debtor.reachable); under a profile with debtorLostAfterFailedAttempts (cba-2026: 3) the history must also show that many unanswered outbound attempts in a row. No exception for a contact who volunteered to repay while the debtor can be reached.'),
  'contact-purpose': evidence('seed, press', 'Only locate_debtor and relay_message, plus repayment_info to a contact who volunteered at or before the action; a missing purpose is denied.'),
  'contact-disclosure': evidence('seed, press', 'No disclosure to a contact, repayment information included, except repayment information to a contact who volunteered, which carries the repayment-info-only duty.'),
  'contact-opt-out': evidence('seed, press', 'Permanent per contact record, every channel; an action at the very instant of the refusal is already a later approach.'),
  'settled-debt': evidence('seed', 'Inclusive: an action at the instant of settlement is denied, toward anyone (5.3); the lender\'s duty to have agencies destroy the data comes with the deny as an obligation citing 5.5.'),
  'lawful-conduct': evidence('seed (暴力催收), seed (clause 4: fact-based) for false_statement, press (no public posting) for public_shaming; interp for the list', 'Eight flagged behaviours (threat, insult, violence, harassment, impersonation, forged document, false or misleading statement, public shaming); one is enough; flagged by the caller, not detected.'),
  'record-keeping': evidence('press', 'An allowed action carries the duty to record it and keep the record at least 2 calendar years from the action, in the debtor\'s zone.'),
  'collector-eligibility': evidence('seed', 'A violent-crime or serious bad-credit record denies; a screening answer that is not given denies too, with its own code.'),
  'collector-training': evidence('seed; press for "once a year"', 'Pre-job training and pledge before the action, and a training assessment within the last 12 calendar months on the debtor\'s calendar; dates after the action do not count.'),
  'collector-standing': evidence('seed; interp for the vocabulary', 'Only an active collector collects; one vocabulary with the program assessment (active, suspended, reassigned, dismissed); a collector flagged unfit is sent as suspended; an unknown standing is denied.'),
  'agency-authorization': evidence('seed, press; interp for the 30- and 90-day periods', 'An agency acts under an outsourcing agreement in force at the instant and an evaluation within the interval (12 months); in the agreement\'s final 30 days without an evaluation in its final 90 days, an obligation names the pre-expiry due date (the program assessment judges it after the fact).'),
  'system-security': evidence('seed', 'MLPS level 2 or above, masking on display and encryption in transit, as attested by the caller; no attestation denies.'),
  'ai-fairness': evidence('seed; interp for the concrete flags', 'Each principle is one attested fact (a review date or a boolean) that must predate the action; unattested is denied. AI actors also face every other rule exactly as humans (ai-compliance, a property test).'),
});

/** Per institution-level clause (src/program/), from docs/guideline.md's institution table. */
export const programEvidence: Readonly<Record<string, Evidence>> = Object.freeze({
  '5.1': evidence('press (outline)', 'Written policies of the required kinds exist and are current.'),
  '5.2': evidence('seed, press', 'A dedicated department; hiring screens, training before duty and yearly, conduct monitoring; performance pay weighs all four dimensions, recovery not dominating, with penalties (seed).'),
  '5.4': evidence('seed, press', 'Agencies evaluated at least yearly and once more in the final period before each agreement expires, inspected, with risk warning and emergency plans; in-house capability kept.'),
  '5.5': evidence('seed', 'Systems at MLPS level 2 or above, masking and encryption; agencies destroy case data after payoff.'),
  '5.6': evidence('press (outline)', 'A complaint channel exists and complaints are handled in time.'),
  '5.7': evidence('seed', 'A written report of a major risk event within 48 hours of its discovery, with the required fields.'),
});

/** Requirements met by the engine as a whole rather than by one rule, with the tests that show it. */
export interface EngineRequirement {
  readonly id: string;
  readonly clause: Clause;
  readonly evidence: Evidence;
  /** Test files, from the repository root. */
  readonly tests: readonly string[];
}

export const engineRequirements: readonly EngineRequirement[] = Object.freeze([
  {
    id: INVALID_INPUT,
    clause: clauses.inputUnverifiable,
    evidence: evidence('engine principle, not a clause of GB/T 45251 (interp: fail closed)', 'Input that does not validate, or beyond the input bounds, is denied with each problem\'s path; a rule that throws denies as internal-error, naming the rule.'),
    tests: ['test/properties/check.test.ts', 'test/bounds.test.ts', 'test/fuzz/fuzz.test.ts'],
  },
  {
    id: 'ai-compliance',
    clause: { ...clauses.aiFairness, topic: '人工智能催收遵守全部规则（条款位置未确认）' },
    evidence: evidence('seed', 'AI collection obeys every rule exactly as a human would: every non-actor rule runs unchanged for AI actors, and swapping a human for a reviewed AI never changes a non-actor finding.'),
    tests: ['test/properties/ai-vs-human.test.ts'],
  },
  {
    id: 'no-personal-data-out',
    clause: clauses.noPersonalDataOut,
    evidence: evidence('engine principle, not a clause of GB/T 45251 (interp: protects clause 4, privacy, and 5.5, masking)', 'Decisions and schedules carry rule ids, clauses, enumerated values, counts, times and zone names, never a string of the input; masking helpers are exported for display.'),
    tests: ['test/properties/privacy.test.ts', 'test/mask.test.ts'],
  },
]);
