import { Amount } from "../core/money";
import { KeyEntry } from "../core/allocation";
import { Outcome } from "../core/reconciliation";
import { ColumnMapping, FieldSpec, RowError, SourceTable, guessMapping } from "../io/sourceTable";
import { ImportResult, importRecords, readAmount, readText } from "../io/recordImport";
import { CONTRACT_FIELDS, ImportedContract, importContracts } from "../io/contractImport";
import { OUTCOME_FIELDS, importOutcomes } from "../io/outcomeImport";
import { CellValue, TableData, WorkbookPort, isCellError } from "./port";

/** The agreed model lives in the workbook as these named tables plus document settings. */
export const TABLES = {
  members: "Medlemmar",
  key: "Nyckel",
  budget: "Budget",
  contracts: "Avtal",
  outcomes: "Utfall",
  prices: "Prislista",
  callOffs: "Avrop",
  penalties: "Viten",
  guarantees: "Garantier",
} as const;

export const MEMBER_HEADERS = ["Medlem", "Invånare", "Fasta kostnader"];
export const KEY_HEADERS = ["Medlem", "Användare föregående år", "Användare"];
export const BUDGET_HEADERS = ["Avsnitt", "Kategori", "Driftbudget", "Antal personer", "Personalkostnader"];

export interface ModelSettings {
  lastYearFee: Amount;
  upliftRate: Amount;
  equalShare: Amount;
}

export const DEFAULT_SETTINGS: Record<keyof ModelSettings, string> = { lastYearFee: "0", upliftRate: "0.02", equalShare: "0" };

export async function readSettings(wb: WorkbookPort): Promise<ModelSettings> {
  const raw = { ...DEFAULT_SETTINGS, ...(await wb.getSettings()) };
  const num = (v: string, fallback: string) => {
    try {
      return new Amount(v);
    } catch {
      return new Amount(fallback);
    }
  };
  return { lastYearFee: num(raw.lastYearFee, "0"), upliftRate: num(raw.upliftRate, "0.02"), equalShare: num(raw.equalShare, "0") };
}

/** A workbook table as a source table, so model tables are read with the same rules as files. */
export function tableAsSource(table: TableData): SourceTable {
  const cell = (v: CellValue) => (isCellError(v) ? v.error : v);
  return { file: `blad ${table.sheet}, tabell ${table.name}`, headers: table.headers, rows: table.rows.map((r) => r.map(cell)), rowNumbers: table.rows.map((_, i) => i + 2) };
}

function mapped<F extends string>(source: SourceTable, fields: readonly FieldSpec<F>[]): ColumnMapping<F> {
  return guessMapping(source.headers, fields);
}

export interface Member {
  member: string;
  inhabitants: Amount | null;
  fixedCosts: Amount;
}

type MemberField = "member" | "inhabitants" | "fixedCosts";
const MEMBER_FIELDS: FieldSpec<MemberField>[] = [
  { field: "member", label: "Medlem", headers: ["Medlem", "Kommun"], required: true },
  { field: "inhabitants", label: "Invånare", headers: ["Invånare", "Invånarantal"], required: false },
  { field: "fixedCosts", label: "Fasta kostnader", headers: ["Fasta kostnader", "Medlemsspecifika kostnader"], required: false },
];

type KeyField = "member" | "oldWeight" | "newWeight";
const KEY_FIELDS: FieldSpec<KeyField>[] = [
  { field: "member", label: "Medlem", headers: ["Medlem", "Kommun"], required: true },
  { field: "oldWeight", label: "Användare föregående år", headers: ["Användare föregående år", "Gammal vikt"], required: false },
  { field: "newWeight", label: "Användare", headers: ["Användare", "Vikt", "Ny vikt"], required: true },
];

/** Records read from one model table, with the table's name and each record's row for messages. */
export interface TableRecords<R> {
  records: R[];
  rows: number[];
  source: string;
}

export interface Model {
  contracts: ImportedContract[];
  outcomes: Outcome[];
  members: Member[];
  memberTable: TableRecords<Member>;
  oldKey: KeyEntry[];
  newKey: KeyEntry[];
  errors: RowError[];
}

/** The model tables that reconciliation and the fee need, read in one round trip by readModel. */
export const MODEL_TABLES = [TABLES.contracts, TABLES.outcomes, TABLES.members, TABLES.key] as const;

/** Reads a model table with the import rules, collecting its row errors. */
export function readTable<R>(table: TableData | null, errors: RowError[], run: (s: SourceTable) => ImportResult<R>): TableRecords<R> {
  if (!table || table.rows.length === 0) return { records: [], rows: [], source: table ? `blad ${table.sheet}, tabell ${table.name}` : "" };
  const source = tableAsSource(table);
  const result = run(source);
  errors.push(...result.errors);
  return { records: result.records, rows: result.rows, source: source.file };
}

/** The model from the tables of MODEL_TABLES, in that order. */
export function modelFromTables([contractsT, outcomesT, membersT, keyT]: readonly (TableData | null)[]): Model {
  const errors: RowError[] = [];
  const contracts = readTable(contractsT, errors, (s) => importContracts(s, mapped(s, CONTRACT_FIELDS))).records;
  const outcomes = readTable(outcomesT, errors, (s) => importOutcomes(s, mapped(s, OUTCOME_FIELDS))).records;
  const memberTable = readTable(membersT, errors, (s) => importRecords(s, MEMBER_FIELDS, mapped(s, MEMBER_FIELDS), (get) => ({ member: get("member", readText), inhabitants: get("inhabitants", readAmount), fixedCosts: get("fixedCosts", readAmount) ?? new Amount(0) })));
  const keyRows = readTable(keyT, errors, (s) => importRecords(s, KEY_FIELDS, mapped(s, KEY_FIELDS), (get) => ({ member: get("member", readText), oldWeight: get("oldWeight", readAmount), newWeight: get("newWeight", readAmount) }))).records;
  return {
    contracts,
    outcomes,
    members: memberTable.records,
    memberTable,
    oldKey: keyRows.map((k) => ({ member: k.member, weight: k.oldWeight ?? new Amount(0) })),
    newKey: keyRows.map((k) => ({ member: k.member, weight: k.newWeight ?? new Amount(0) })),
    errors,
  };
}

/** Reads the model tables in one round trip; missing tables are empty, bad rows are errors. */
export async function readModel(wb: WorkbookPort): Promise<Model> {
  return modelFromTables(await wb.readTables(MODEL_TABLES));
}
