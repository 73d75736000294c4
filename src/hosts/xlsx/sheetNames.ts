import type { SheetPlan } from "../../workbook/plan";

/** A sheet plan that cannot be written as it is: a bug in the plan builder, not the user's doing. */
export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanError";
  }
}

/** Excel's rules for a sheet name. */
function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name) || name.toLowerCase() === "history") {
    throw new PlanError(`Ogiltigt bladnamn i bladplanen: "${name}".`);
  }
}

/**
 * Checks the plans' names before anything is changed: valid sheet names, none twice, none taken
 * by a sheet that stays (names compare case-insensitively, as in Excel).
 */
export function checkPlanNames(keptSheets: readonly string[], plans: readonly SheetPlan[]): void {
  const keep = new Set(keptSheets.map((n) => n.toLowerCase()));
  const planned = new Set<string>();
  for (const plan of plans) {
    checkSheetName(plan.name);
    const key = plan.name.toLowerCase();
    if (keep.has(key)) throw new PlanError(`Bladplanen "${plan.name}" krockar med ett blad som Följsam inte har skapat.`);
    if (planned.has(key)) throw new PlanError(`Bladplanen "${plan.name}" förekommer två gånger.`);
    planned.add(key);
  }
}
