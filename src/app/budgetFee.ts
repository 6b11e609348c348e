import { AllocationPart, allocate } from "../core/allocation";
import { Fee, annualCost, checkBudget, feeFromBudget, isBudgetTotal } from "../core/budget";
import type { RowError, SourceTable } from "../core/cells";
import { sourceLocation } from "../core/cells";
import { DomainError } from "../core/errors";
import { FeeBlock, checkFeeBlock } from "../core/feeBlock";
import type { Amount } from "../core/money";
import type { Finding } from "../core/tablecheck";
import { readFeeBlock } from "../model/feeBlock";
import { readKey } from "../model/keyFile";
import { readBudget } from "../model/tables";

/**
 * The membership fee from a budget file (`samkalk fee`): Summa årskostnad plus the uplift, the
 * change against last year's fee, each member's share by a key file, and the budget's own check.
 */
export interface BudgetFeeRequest {
  /** The uplift as a fraction; null to take the one the budget's fee block states. */
  upliftRate: Amount | null;
  /** Last year's fee; undefined to take the one the fee block states (or none). */
  lastFee?: Amount | null;
  /** A key file to split the fee by, and its weight column. */
  key?: { table: SourceTable; column?: string };
}

export type BudgetFee =
  | { errors: RowError[] }
  | { errors: []; fee: Fee; upliftRate: Amount; findings: Finding[]; members: AllocationPart[]; budgetLines: number };

/** The fee calculation printed under the budget, if any: it may state the uplift and last year's fee. */
export function budgetFeeBlock(source: SourceTable): FeeBlock | null {
  return readFeeBlock(source);
}

/** `feeBlock` is the one budgetFeeBlock gave, for a caller that already looked at it. */
export function budgetFee(source: SourceTable, request: BudgetFeeRequest, feeBlock: FeeBlock | null = readFeeBlock(source)): BudgetFee {
  const upliftRate = request.upliftRate ?? feeBlock?.upliftRate ?? null;
  if (upliftRate === null) throw new DomainError("MISSING_VALUE", "uppräkningen saknas: budgeten anger ingen och ingen gavs", sourceLocation(source));
  const lastFee = request.lastFee === undefined ? feeBlock?.lastFee ?? null : request.lastFee;
  const budget = readBudget(source);
  if (budget.errors.length > 0) return { errors: budget.errors };
  if (budget.records.length === 0) throw new DomainError("MISSING_VALUE", "budgeten har inga rader", sourceLocation(source));
  const fee = feeFromBudget(annualCost(budget.records), upliftRate, lastFee);
  const findings = [...checkBudget(budget.records), ...(feeBlock ? checkFeeBlock(feeBlock, fee) : [])];
  const key = request.key ? readKey(request.key.table, { column: request.key.column }) : [];
  return { errors: [], fee, upliftRate, findings, members: key.length ? allocate(fee.fee, key) : [], budgetLines: budget.records.filter((r) => !isBudgetTotal(r)).length };
}
