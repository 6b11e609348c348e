import { CellInput, RowError, SourceTable } from "../core/cells";
import { CivilDate, formatIsoDate } from "../core/dates";
import { DomainError, isDomainError } from "../core/errors";
import { isBudgetTotal } from "../core/budget";
import { memberId } from "../core/memberIdentity";
import { Finding, checkPrintedTable } from "../core/tablecheck";
import { printedGridOf, readPrintedTable } from "../core/printedTable";
import { TableModel, tableFormats, tableHeaders } from "../model/fields";
import { keyWeightCandidates, readPrintedKey } from "../model/keyFile";
import { KNOWN_RULES } from "../model/tableRules";
import { ACCOUNT_MAPPING, BUDGET, KEY, MEMBERS, MEMBER_COSTS, READABLE_TABLES, ReadableKey, readAccountMapping, readBudget, readMemberCosts, readMembers } from "../model/tables";
import { ReadableTable } from "../model/records";
import { WorkbookPort } from "../workbook/port";
import { ImportUndo } from "./importTable";
import { freeSheetFor } from "./outputSheets";
import { noticeText } from "../core/rowErrors";

/** The model tables the pane imports from a file: each read as printed, previewed, written whole. */
const READ_AS_PRINTED = {
  budget: { model: BUDGET, noun: "budget" },
  key: { model: KEY, noun: "nyckel" },
  members: { model: MEMBERS, noun: "medlemmar" },
  memberCosts: { model: MEMBER_COSTS, noun: "medlemskostnader" },
  accountMapping: { model: ACCOUNT_MAPPING, noun: "kontomappning" },
} as const satisfies Record<string, { model: TableModel<string>; noun: string }>;

/** A table that reads itself (ReadableTable with an importNoun), imported with its own reader. */
type SelfImport = { model: ReadableTable<string, unknown>; noun: string };
const SELF_IMPORTS = Object.fromEntries(READABLE_TABLES.filter(([, m]) => m.importNoun).map(([k, m]) => [k, { model: m, noun: m.importNoun! }])) as Record<ReadableKey, SelfImport>;

export type ModelImportKind = keyof typeof READ_AS_PRINTED | ReadableKey;

/** Every model table the pane imports from a file: those read as printed here, then those that read themselves. */
export const MODEL_IMPORTS: Record<ModelImportKind, { model: TableModel<string>; noun: string }> = { ...READ_AS_PRINTED, ...SELF_IMPORTS };

export interface ModelImportOptions {
  /** The key's weight column, when more than one could be it. */
  column?: string;
  /** The key version's name; the weight column's name when not given. */
  version?: string;
  validFrom?: CivilDate | null;
}

export interface ModelImportPreview {
  kind: ModelImportKind;
  table: string;
  headers: string[];
  /** The rows to be written, as they will stand in the table. */
  rows: CellInput[][];
  /** What stops the write: each with file, row and column. */
  errors: RowError[];
  /** What the file's own figures get wrong (shown, never corrected; they do not stop the write). */
  findings: Finding[];
  /** How the reader read something the user should know of. */
  notices: string[];
  /** For a key: every column that could be the weight, and the one used. */
  weightCandidates: string[];
  weightColumn: string | null;
}

const errorAt = (file: string, error: unknown): RowError => {
  if (!isDomainError(error)) throw error;
  return { file, row: error.location.row ?? 1, column: error.location.column ?? "", message: error.message };
};

/**
 * Reads a file for a model table as printed (sections, subtotals, group rows, blocks after a blank
 * row), and says what would be written: every row error, the file's own findings, and for a key
 * the weight columns to choose from. Nothing is written here.
 */
export function previewModelImport(kind: ModelImportKind, source: SourceTable, options: ModelImportOptions = {}): ModelImportPreview {
  const { model } = MODEL_IMPORTS[kind];
  const base = { kind, table: model.name, headers: tableHeaders(model), notices: [] as string[], weightCandidates: [] as string[], weightColumn: null as string | null };
  const printed = readPrintedTable(printedGridOf(source));
  const notices = printed.notices.map((n) => noticeText(source.file, n));
  const findings = kind === "budget" || kind === "key" ? checkPrintedTable(printed, { knownRules: KNOWN_RULES }) : [];
  switch (kind) {
    case "budget": {
      const read = readBudget(source);
      const lines = read.records.filter((r) => !isBudgetTotal(r));
      return { ...base, notices, findings, errors: read.errors, rows: lines.map((r) => [r.section, r.category, r.operatingBudget, r.fte, r.staffCost, r.categorySum]) };
    }
    case "key": {
      try {
        const key = readPrintedKey(source, { column: options.column });
        const driver = key.weightColumn.replace(/\s*\(?\b(19|20)\d{2}\b.*$/, "").trim() || key.weightColumn;
        const preview = { ...base, notices, findings, errors: [], weightCandidates: key.candidates, weightColumn: key.weightColumn, rows: key.entries.map((e): CellInput[] => [key.weightColumn, driver, null, null, e.member, e.weight]) };
        return withKeyVersion(preview, options.version, options.validFrom);
      } catch (error) {
        return { ...base, notices, findings, errors: [errorAt(source.file, error)], weightCandidates: keyWeightCandidates(source), rows: [] };
      }
    }
    case "members": {
      const read = readMembers(source);
      return { ...base, notices, findings, errors: read.errors, rows: read.records.map((m) => [m.member, m.inhabitants, m.party ?? null]) };
    }
    case "memberCosts": {
      const read = readMemberCosts(source);
      return { ...base, notices, findings, errors: read.errors, rows: read.records.map((c) => [c.member, c.text, c.amount, c.fte, c.rate]) };
    }
    case "accountMapping": {
      const read = readAccountMapping(source);
      return { ...base, notices, findings, errors: read.errors, rows: read.records.map((m) => [m.account, m.object, m.text, m.member, m.supplier]) };
    }
    default: {
      const { model } = SELF_IMPORTS[kind];
      const read = model.read(source);
      return { ...base, notices, findings, errors: read.errors, rows: model.rows(read.records) };
    }
  }
}

/**
 * A key preview with the version's name (the weight column's when blank) and valid-from date set,
 * without reading the file again: what the pane does on each keystroke in those fields.
 */
export function withKeyVersion(preview: ModelImportPreview, version: string | undefined, validFrom: CivilDate | null | undefined): ModelImportPreview {
  if (preview.kind !== "key" || preview.weightColumn === null) return preview;
  const name = version?.trim() || preview.weightColumn;
  const from = validFrom ? formatIsoDate(validFrom) : null;
  return { ...preview, rows: preview.rows.map((r) => [name, r[1], r[2], from, ...r.slice(4)]) };
}

/**
 * Writes a previewed import as one all-or-nothing write, the table sized to its rows. A key
 * version replaces only the rows of the same version: the other versions stay, so the previous
 * key is still there to compare with and to true up against.
 */
export async function writeModelImport(wb: WorkbookPort, preview: ModelImportPreview): Promise<ImportUndo> {
  if (preview.errors.length > 0) throw new DomainError("INVALID_ARGUMENT", `filen har ${preview.errors.length} fel; inget skrevs`, { table: preview.table });
  if (preview.rows.length === 0) throw new DomainError("MISSING_VALUE", "filen har inga rader att importera; inget skrevs", { table: preview.table });
  const [previous] = await wb.readTables([preview.table]);
  let rows = preview.rows;
  if (preview.kind === "key" && previous) {
    const versionColumn = previous.headers.findIndex((h) => memberId(h) === memberId(KEY.fields[0].label));
    const incoming = memberId(String(preview.rows[0][0]));
    const kept = versionColumn < 0 ? [] : previous.rows.filter((r) => memberId(String(r[versionColumn] ?? "")) !== incoming);
    const byHeader = (r: (typeof previous.rows)[number]) => preview.headers.map((h) => {
      const j = previous.headers.findIndex((x) => memberId(x) === memberId(h));
      const v = j < 0 ? null : r[j];
      return typeof v === "object" && v !== null ? null : v;
    });
    rows = [...kept.map(byHeader), ...preview.rows];
  }
  const sheet = previous?.sheet ?? (await freeSheetFor(wb, preview.table));
  await wb.writeTables([{ name: preview.table, sheet, headers: preview.headers, rows, numberFormats: tableFormats(MODEL_IMPORTS[preview.kind].model) }]);
  return { table: preview.table, sheet, previous };
}
