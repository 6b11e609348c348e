import { FieldSpec } from "./fields";
import { CONTRACT_FIELDS } from "./contracts";
import { OUTCOME_FIELDS } from "./outcomes";
import { CALL_OFF_FIELDS, PRICE_FIELDS } from "./catalogue";
import { ACCOUNT_MAPPING, BUDGET, COST_OUTCOMES, GUARANTEES, GUARANTEE_SHARES, INDEX, KEY, MEMBERS, MEMBER_COSTS, PENALTIES, TABLES } from "./tables";

/** Every table the product reads, with the fields whose headers it recognises. */
const READ_TABLES: readonly [string, readonly FieldSpec<string>[]][] = [
  [TABLES.members, MEMBERS.fields],
  [TABLES.key, KEY.fields],
  [TABLES.budget, BUDGET.fields],
  [TABLES.memberCosts, MEMBER_COSTS.fields],
  [TABLES.costOutcomes, COST_OUTCOMES.fields],
  [TABLES.contracts, CONTRACT_FIELDS],
  [TABLES.outcomes, OUTCOME_FIELDS],
  [TABLES.prices, PRICE_FIELDS],
  [TABLES.callOffs, CALL_OFF_FIELDS],
  [TABLES.penalties, PENALTIES.fields],
  [TABLES.guarantees, GUARANTEES.fields],
  [TABLES.guaranteeShares, GUARANTEE_SHARES.fields],
  [TABLES.index, INDEX.fields],
  [TABLES.accountMapping, ACCOUNT_MAPPING.fields],
];

/**
 * The accepted header synonyms per table as a Markdown list, for the README: generated from the
 * model so the documentation cannot drift from what the readers accept (a test compares them).
 */
export function headerSynonymsMarkdown(): string {
  return READ_TABLES.map(([table, fields]) => [
    `**${table}**`,
    ...fields.map((f) => `- ${f.label}${f.required ? " (krävs)" : ""}: ${f.headers.map((h) => `\`${h}\``).join(", ")}`),
  ].join("\n")).join("\n\n");
}

export const SYNONYMS_BEGIN = "<!-- BEGIN header synonyms (generated from src/model: npm run docs:headers) -->";
export const SYNONYMS_END = "<!-- END header synonyms -->";
