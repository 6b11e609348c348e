import { SourceTable, duplicatedHeaders, normaliseHeader } from "../core/cells";
import { LIMITS } from "../core/limits";
import { KeyEntry } from "../core/allocation";
import { memberId } from "../core/memberIdentity";
import { DomainError, isDomainError } from "../core/errors";
import { parseNumberText } from "../core/numberText";

import { KEY } from "./tables";

const headersOf = (field: string) => KEY.fields.find((f) => f.field === field)!.headers;
const findColumn = (headers: readonly string[], names: readonly string[]) => {
  const wanted = names.map(normaliseHeader);
  return headers.findIndex((h) => wanted.includes(normaliseHeader(h)));
};

/**
 * Reads an allocation key: two columns, member and weight (recognised by name, else the first
 * two columns). Every problem is an error naming file, row (header = row 1) and column.
 */
export function readKey(table: Pick<SourceTable, "file" | "headers" | "rowNumbers"> & { rows: string[][] }): KeyEntry[] {
  const { file, headers } = table;
  let memberCol = findColumn(headers, headersOf("member"));
  let weightCol = findColumn(headers, headersOf("weight"));
  if (memberCol < 0 || weightCol < 0 || memberCol === weightCol) {
    if (headers.length < 2) {
      throw new DomainError("MISSING_VALUE", "en nyckel behöver två kolumner: medlem och vikt", { file, row: 1 });
    }
    memberCol = 0;
    weightCol = 1;
  }
  const chosen = [normaliseHeader(headers[memberCol]), normaliseHeader(headers[weightCol])];
  const twice = duplicatedHeaders(headers).filter((h) => chosen.includes(normaliseHeader(h)));
  if (twice.length > 0) {
    throw new DomainError("INVALID_ARGUMENT", `kolumnen ${twice[0]} finns flera gånger; en nyckel ska ha en kolumn för medlem och en för vikt`, { file, row: 1, column: twice[0] });
  }
  const memberHeader = headers[memberCol] || "medlem";
  const weightHeader = headers[weightCol] || "vikt";
  if (table.rows.length === 0) {
    throw new DomainError("EMPTY_KEY", "nyckeln har inga datarader under rubrikraden", { file, row: 2 });
  }
  const seen = new Map<string, number>();
  const entries = table.rows.map((cells, i) => {
    const row = table.rowNumbers[i];
    const member = cells[memberCol].trim();
    if (member === "") throw new DomainError("MISSING_VALUE", "medlemmens namn saknas", { file, row, column: memberHeader });
    if (member.length > LIMITS.cellText) throw new DomainError("OUT_OF_RANGE", `namnet har ${member.length.toLocaleString("sv-SE")} tecken; en Excel-cell rymmer högst ${LIMITS.cellText.toLocaleString("sv-SE")}`, { file, row, column: memberHeader });
    const first = seen.get(memberId(member));
    if (first !== undefined) {
      throw new DomainError("DUPLICATE_MEMBER", `medlemmen '${member}' finns redan på rad ${first}`, { file, row, column: memberHeader });
    }
    seen.set(memberId(member), row);
    let parsed;
    try {
      parsed = parseNumberText(cells[weightCol]);
    } catch (error) {
      if (isDomainError(error)) throw error.at({ file, row, column: weightHeader });
      throw error;
    }
    if (parsed.kind !== "number") {
      throw new DomainError("MISSING_VALUE", "vikten saknas (skriv 0 för att utesluta medlemmen)", { file, row, column: weightHeader });
    }
    if (parsed.value.isNegative() && !parsed.value.isZero()) {
      throw new DomainError("NEGATIVE_WEIGHT", `vikten ${cells[weightCol].trim()} är negativ; en vikt ska vara 0 eller större`, { file, row, column: weightHeader });
    }
    return { member, weight: parsed.value };
  });
  if (entries.every((e) => e.weight.isZero())) {
    throw new DomainError("ZERO_WEIGHTS", "alla vikter är noll, så det finns inget att fördela efter", { file, row: 2, column: weightHeader });
  }
  return entries;
}
