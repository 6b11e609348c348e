import { AllocatedNode, AllocationMethod, AllocationPart, BY_DRIVER, allocate, allocateHierarchy, mixedMethod } from "../core/allocation";
import { AmountChangeRow, changeAtSameTotal, changeByGroup } from "../core/keyComparison";
import { Amount, sumAmounts } from "../core/money";
import type { SourceTable } from "../core/cells";
import { PrintedKey, keyHierarchy, readPrintedKey } from "../model/keyFile";

/**
 * Splitting an amount by a key file, as `samkalk allocate` offers it: by weight (with an equal
 * share if asked), in two levels through the key's groups, or by two weight columns side by side.
 */
export interface KeyAllocationRequest {
  total: Amount;
  /** The share split equally among the members (0,5 = half); null for by weight only. */
  equalShare: Amount | null;
  decimals: number;
}

export function allocationMethod(equalShare: Amount | null): AllocationMethod {
  return equalShare === null ? BY_DRIVER : mixedMethod(equalShare);
}

/** The key of a file, its weights from `column` (or the one weight column it has). */
export function keyFromFile(table: SourceTable, column?: string): PrintedKey {
  return readPrintedKey(table, { column });
}

export function allocateByKey(request: KeyAllocationRequest, key: PrintedKey): { method: AllocationMethod; parts: AllocationPart[]; weightSum: Amount } {
  const method = allocationMethod(request.equalShare);
  return { method, parts: allocate(request.total, key.entries, method, request.decimals), weightSum: sumAmounts(key.entries.map((e) => e.weight)) };
}

/** First to the key's groups, then within each, exact at both levels. */
export function allocateByGroups(request: KeyAllocationRequest, key: PrintedKey): { method: AllocationMethod; groups: AllocatedNode[]; weightSum: Amount } {
  const method = allocationMethod(request.equalShare);
  const groups = allocateHierarchy(request.total, keyHierarchy(key), method, request.decimals);
  return { method, groups, weightSum: sumAmounts(groups.map((g) => g.weight)) };
}

/** The same total by last year's weights and by this year's, and the change per member and group. */
export function compareByKeys(request: KeyAllocationRequest, before: PrintedKey, after: PrintedKey): { method: AllocationMethod; rows: AmountChangeRow[]; groups: ReturnType<typeof changeByGroup> } {
  const method = allocationMethod(request.equalShare);
  const rows = changeAtSameTotal(request.total, before.entries, after.entries, method, request.decimals);
  return { method, rows, groups: changeByGroup(rows, after.groups ?? []) };
}
