/**
 * The one-stop rule set a dossier is judged by, versioned by effective date (DOMAIN.md: "every rule set is
 * versioned by effective date and a dossier is judged by the rules in force when it was received").
 * Decree 61/2018 (amended by 107/2021) is the first; values marked [?] in DOMAIN.md are configurable.
 */
export interface DossierRules {
  id: string;
  /** Local date from which the rule set applies (inclusive). */
  effectiveFrom: string;
  /** A supplement during appraisal must be requested within this many working days of receipt (Art. 19). */
  supplementWindowWorkingDays: number;
  /** The apology (Form 04) must be sent at least this many working days before the due date. */
  apologyLeadWorkingDays: number;
  /** How many times the return date may be moved (Decree 61: once). */
  maxExtensions: number;
  /** Paper dossiers received after this local time (minutes after midnight; 15:00) go to the agency the next working morning. */
  forwardCutoffMinute: number;
  /** "Due soon" when at most this much working time (hours) remains. [?] — a province's choice. */
  dueSoonWorkingHours: number;
}

export const DECREE_61_RULES: DossierRules = Object.freeze({
  id: 'nd61-2018',
  effectiveFrom: '2018-06-21',
  supplementWindowWorkingDays: 3,
  apologyLeadWorkingDays: 1,
  maxExtensions: 1,
  forwardCutoffMinute: 15 * 60,
  dueSoonWorkingHours: 8,
});

/** The rule set in force on a local date: the latest whose `effectiveFrom` is not after it. */
export function rulesInForce(ruleSets: readonly DossierRules[], localDate: string): DossierRules {
  let chosen: DossierRules | null = null;
  for (const r of ruleSets) {
    if (r.effectiveFrom <= localDate && (chosen === null || r.effectiveFrom > chosen.effectiveFrom))
      chosen = r;
  }
  if (chosen === null) throw new RangeError(`no dossier rule set in force on ${localDate}`);
  return chosen;
}
