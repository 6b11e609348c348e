import { Amount, ZERO } from "../core/money";
import { CivilDate, makeDate } from "../core/dates";
import { Outcome } from "../core/reconciliation";
import { BudgetRow, MemberCostLine } from "../core/budget";
import { CostOutcome } from "../core/budgetFollowUp";
import { KeyVersion, groupKeyVersions } from "../core/keyVersions";
import { CallOff, PriceEntry } from "../core/catalogue";
import { Guarantee } from "../core/guaranteedVolumes";
import { parsePeriod } from "../core/invoiceBasis";
import { Penalty } from "../core/penalties";
import { memberId } from "../core/memberIdentity";
import { CellValue, RowError, SourceCell, SourceTable, TableData, isCellError } from "../core/cells";
import { ColumnMapping, FieldSpec, TableModel, fieldLabel, guessMapping, tableFormats, tableHeaders } from "./fields";
import { ImportResult, ReadableTable, readAmount, readDate, readRows, readText } from "./records";
import { CONTRACTS, ImportedContract, importContracts, monthOf } from "./contracts";
import { IndexSeries } from "../core/contracts";
import { AccountMapping } from "../core/ledger";
import { OUTCOMES, importOutcomes } from "./outcomes";
import { printedLines } from "./printedSource";
import { printedGridOf, readPrintedTable } from "../core/printedTable";
import { headerNames } from "./fields";
import { CALL_OFFS, PRICES, importCallOffs, importPrices } from "./catalogue";
import { RECURRING_DATES } from "./recurringDates";
import { FEE_CHANGES } from "./feeChanges";


const KR = "#,##0";
const DATE = "yyyy-mm-dd";

export const MEMBERS: TableModel<"member" | "inhabitants" | "party"> = {
  name: "Medlemmar",
  fields: [
    { field: "member", label: "Medlem", headers: ["Medlem", "Kommun", "Kommun/Medlem", "Verksamhet", "Enhet", "Organisation"], required: true },
    { field: "inhabitants", label: "Invånare", headers: ["Invånare", "Invånarantal", "Folkmängd"], required: false, format: KR },
    { field: "party", label: "Fakturamottagare", headers: ["Fakturamottagare", "Faktureras", "Betalare", "Part"], required: false },
  ],
};

/**
 * The key in long form, one row per member and version. A table with only Medlem and a weight
 * column is one version that has always applied, named after the weight column.
 */
export const KEY: TableModel<"version" | "driver" | "referenceDate" | "validFrom" | "member" | "weight"> = {
  name: "Nyckel",
  fields: [
    { field: "version", label: "Nyckel", headers: ["Nyckel", "Version", "Nyckelversion"], required: false },
    { field: "driver", label: "Drivare", headers: ["Drivare", "Fördelningsgrund"], required: false },
    { field: "referenceDate", label: "Referensdatum", headers: ["Referensdatum", "Räknat per", "Mätdatum"], required: false, format: DATE },
    { field: "validFrom", label: "Gäller från", headers: ["Gäller från", "Giltig från", "Från"], required: false, format: DATE },
    { field: "member", label: "Medlem", headers: ["Medlem", "Kommun", "Kommun/Medlem", "Verksamhet", "Enhet", "Organisation"], required: true },
    { field: "weight", label: "Vikt", headers: ["Vikt", "Användare", "Antal användare", "Invånare", "Invånarantal", "Licenser", "Andel"], required: true, format: "#,##0.##" },
  ],
};

export const BUDGET: TableModel<"section" | "category" | "operatingBudget" | "fte" | "staffCost" | "categorySum"> = {
  name: "Budget",
  fields: [
    { field: "section", label: "Avsnitt", headers: ["Avsnitt", "Område", "Verksamhet"], required: false },
    { field: "category", label: "Kategori", headers: ["Kategori", "Detaljerad kostnadsbeskrivning", "Kostnadsbeskrivning", "Kostnadspost", "Kostnadsslag", "Rad", "Post", "Beskrivning"], required: true },
    { field: "operatingBudget", label: "Driftbudget", headers: ["Driftbudget", "Drift"], required: true, format: KR },
    { field: "fte", label: "Antal personer", headers: ["Antal personer", "Antal årsarbetare", "Årsarbetare", "FTE"], required: false, format: "0.0#" },
    { field: "staffCost", label: "Personalkostnader", headers: ["Personalkostnader", "Personalkostnad", "Personal"], required: false, format: KR },
    { field: "categorySum", label: "Summa kategori", headers: ["Summa kategori", "Summa", "Summa årskostnad"], required: false, format: KR },
  ],
};

export const MEMBER_COSTS: TableModel<"member" | "text" | "amount" | "fte" | "rate"> = {
  name: "Medlemskostnader",
  fields: [
    { field: "member", label: "Medlem", headers: ["Medlem", "Kommun", "Kommun/Medlem"], required: true },
    { field: "text", label: "Kostnad", headers: ["Kostnad", "Text", "Beskrivning", "Post"], required: true },
    { field: "amount", label: "Belopp", headers: ["Belopp", "Årsbelopp", "Kostnad kr"], required: false, format: KR },
    { field: "fte", label: "Antal personer", headers: ["Antal personer", "Årsarbetare", "FTE"], required: false, format: "0.0#" },
    { field: "rate", label: "Pris per person", headers: ["Pris per person", "Pris per årsarbetare", "Kostnad per person"], required: false, format: KR },
  ],
};

export const COST_OUTCOMES: TableModel<"section" | "category" | "member" | "amount"> = {
  name: "Kostnadsutfall",
  fields: [
    { field: "section", label: "Avsnitt", headers: ["Avsnitt", "Område", "Verksamhet"], required: false },
    { field: "category", label: "Kategori", headers: ["Kategori", "Kostnad", "Kostnadsslag", "Rad", "Post"], required: true },
    { field: "member", label: "Medlem", headers: ["Medlem", "Kommun", "Kommun/Medlem"], required: false },
    { field: "amount", label: "Utfall", headers: ["Utfall", "Belopp", "Bokfört"], required: true, format: KR },
  ],
};

/** Penalties are the members' claims on the supplier, per member, quarter and contract clause. */
export const PENALTIES: TableModel<"member" | "supplier" | "period" | "clause" | "amount" | "note"> = {
  name: "Viten",
  fields: [
    { field: "member", label: "Medlem", headers: ["Medlem", "Kommun"], required: true },
    { field: "supplier", label: "Leverantör", headers: ["Leverantör", "Leverantör/System", "Avtal"], required: true },
    { field: "period", label: "Kvartal", headers: ["Kvartal", "Period"], required: true },
    { field: "clause", label: "Klausul", headers: ["Klausul", "Avtalsklausul", "Typ", "Orsak"], required: false },
    { field: "amount", label: "Belopp", headers: ["Belopp", "Vite"], required: true, format: KR },
    { field: "note", label: "Anteckning", headers: ["Anteckning", "Kommentar", "Not"], required: false },
  ],
};

/** Guaranteed volumes: the supplier's, for all members together, per contract year and price item. */
export const GUARANTEES: TableModel<"supplier" | "service" | "yearStart" | "quantity" | "price" | "kind" | "sharing"> = {
  name: "Garantier",
  fields: [
    { field: "supplier", label: "Leverantör", headers: ["Leverantör", "Avtal"], required: true },
    { field: "service", label: "Tjänst", headers: ["Tjänst", "Prispost"], required: true },
    { field: "yearStart", label: "Avtalsår från", headers: ["Avtalsår från", "Avtalsårets start", "Leveransgodkännande"], required: true, format: DATE },
    { field: "quantity", label: "Garanterad volym", headers: ["Garanterad volym", "Garanti", "Volym"], required: true, format: "#,##0.##" },
    { field: "price", label: "Pris", headers: ["Pris", "Pris per enhet"], required: true, format: "#,##0.00" },
    { field: "kind", label: "Typ", headers: ["Typ", "Engång/periodisk"], required: false },
    { field: "sharing", label: "Underskott fördelas", headers: ["Underskott fördelas", "Fördelning av underskott"], required: false },
  ],
};

/** The members' fixed shares of a guarantee; without rows here a guarantee is shared by the key. */
export const GUARANTEE_SHARES: TableModel<"supplier" | "service" | "member" | "quantity"> = {
  name: "Garantiandelar",
  fields: [
    { field: "supplier", label: "Leverantör", headers: ["Leverantör", "Avtal"], required: true },
    { field: "service", label: "Tjänst", headers: ["Tjänst", "Prispost"], required: true },
    { field: "member", label: "Medlem", headers: ["Medlem", "Kommun"], required: true },
    { field: "quantity", label: "Garanterad andel", headers: ["Garanterad andel", "Andel", "Volym"], required: true, format: "#,##0.##" },
  ],
};

function guaranteeKind(cell: unknown): "one-off" | "periodic" {
  const t = readText(cell as never).toLowerCase();
  if (t === "" || t.startsWith("engång")) return "one-off";
  if (t.startsWith("period") || t.startsWith("löpande")) return "periodic";
  throw new Error(`'${t}' är varken engång eller periodisk`);
}

function guaranteeSharing(cell: unknown): "by-share" | "by-own-gap" {
  const t = readText(cell as never).toLowerCase();
  if (t === "" || t.includes("underskott") || t.includes("gap")) return "by-own-gap";
  if (t.includes("andel")) return "by-share";
  throw new Error(`'${t}' är ingen fördelning; skriv "efter eget underskott" eller "efter andel"`);
}

export const INDEX: TableModel<"series" | "month" | "value"> = {
  name: "Index",
  fields: [
    { field: "series", label: "Serie", headers: ["Serie", "Index", "Indexserie"], required: true },
    { field: "month", label: "Månad", headers: ["Månad", "Period", "År-månad"], required: true },
    { field: "value", label: "Värde", headers: ["Värde", "Indextal", "Index värde"], required: true, format: "0.00" },
  ],
};

/** How ledger transactions become Fakturerat: account (and optionally object or text) → member and system. */
export const ACCOUNT_MAPPING: TableModel<"account" | "object" | "text" | "member" | "supplier"> = {
  name: "Kontomappning",
  fields: [
    { field: "account", label: "Konto", headers: ["Konto", "Kontonummer"], required: true },
    { field: "object", label: "Objekt", headers: ["Objekt", "Dimension", "Kostnadsställe"], required: false },
    { field: "text", label: "Text innehåller", headers: ["Text innehåller", "Textmönster", "Text"], required: false },
    { field: "member", label: "Medlem", headers: ["Medlem", "Kommun", "Kommun/Medlem"], required: true },
    { field: "supplier", label: "Leverantör/System", headers: ["Leverantör/System", "Leverantör", "System"], required: true },
  ],
};

export { tableFormats, tableHeaders };

/**
 * Every table of the agreed model, by the key the code uses for it. The names (TABLES), the
 * tables read in one round trip, the header list in the README and, for a table that says how it
 * reads and writes itself (ReadableTable), its records in the model and its import in the pane
 * all come from here: a new table is one line.
 */
export const MODEL = {
  members: MEMBERS,
  key: KEY,
  budget: BUDGET,
  memberCosts: MEMBER_COSTS,
  costOutcomes: COST_OUTCOMES,
  contracts: CONTRACTS,
  outcomes: OUTCOMES,
  prices: PRICES,
  callOffs: CALL_OFFS,
  penalties: PENALTIES,
  guarantees: GUARANTEES,
  guaranteeShares: GUARANTEE_SHARES,
  index: INDEX,
  accountMapping: ACCOUNT_MAPPING,
  recurringDates: RECURRING_DATES,
  feeChanges: FEE_CHANGES,
} as const;

export type ModelKey = keyof typeof MODEL;

/** The workbook name of each model table, by key. */
export const TABLES = Object.fromEntries(Object.entries(MODEL).map(([key, model]) => [key, model.name])) as { readonly [K in ModelKey]: string };

/** The keys of the tables that read themselves, and the record each gives. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyReadable = ReadableTable<any, any>;
export type ReadableKey = { [K in ModelKey]: (typeof MODEL)[K] extends AnyReadable ? K : never }[ModelKey];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RecordOf<K extends ReadableKey> = (typeof MODEL)[K] extends ReadableTable<any, infer R> ? R : never;
export type ReadableRecords = { [K in ReadableKey]: TableRecords<RecordOf<K>> };

const isReadable = (model: TableModel<string>): model is ReadableTable<string, unknown> => "read" in model && "rows" in model;
export const READABLE_TABLES = Object.entries(MODEL).filter(([, m]) => isReadable(m)) as [ReadableKey, ReadableTable<string, unknown>][];

/** Members with their population, for per-inhabitant figures. */
export interface Member {
  member: string;
  inhabitants: Amount | null;
  /** Who is invoiced for this unit (its kommun, or the bolag itself); null: the unit itself. */
  party?: string | null;
}

/** A workbook table as a source table, so model tables are read with the same rules as files. */
export function tableAsSource(table: TableData): SourceTable {
  const cell = (v: CellValue) => (isCellError(v) ? v.error : v);
  return { file: `blad ${table.sheet}, tabell ${table.name}`, headers: table.headers, rows: table.rows.map((r) => r.map(cell)), rowNumbers: table.rows.map((_, i) => i + 2) };
}

/** Records read from one model table, with the table's name and each record's row for messages. */
export interface TableRecords<R> {
  records: R[];
  rows: number[];
  source: string;
  /** The table as it stands in the workbook (sheet and place), or null when it is missing. */
  table: TableData | null;
}

/** Reads a model table with the import rules, collecting its row errors. A missing table is empty. */
export function readTable<R>(table: TableData | null, errors: RowError[], run: (s: SourceTable) => ImportResult<R>): TableRecords<R> {
  if (!table || table.rows.length === 0) return { records: [], rows: [], source: table ? `blad ${table.sheet}, tabell ${table.name}` : "", table };
  const source = tableAsSource(table);
  const result = run(source);
  for (const e of result.errors) errors.push(e); // no spread: a bad file can have a row error per row
  return { records: result.records, rows: result.rows, source: source.file, table };
}

function mapped<F extends string>(source: SourceTable, fields: readonly FieldSpec<F>[]): ColumnMapping<F> {
  return guessMapping(source.headers, fields);
}

/**
 * Reads a budget table (from the workbook or a file). A Summa kategori column that exists but is
 * blank on a line counts as 0 there, as decided; without the column it is derived per line.
 */
export function readBudget(given: SourceTable): ImportResult<BudgetRow> {
  // A budget as printed has its sections as rows, not as a column: read it by its row roles.
  const columns = mapped(given, BUDGET.fields);
  const source = columns.section === undefined ? printedLines(given, columns.category ?? 0, BUDGET.fields[0].label).table : given;
  const result = readRows(BUDGET, (get) => ({
    section: get("section", readText), category: get("category", readText), operatingBudget: get("operatingBudget", readAmount),
    fte: get("fte", readAmount), staffCost: get("staffCost", readAmount), categorySum: get("categorySum", readAmount),
  }))(source);
  if (mapped(source, BUDGET.fields).categorySum === undefined) return result;
  return { ...result, records: result.records.map((r) => ({ ...r, categorySum: r.categorySum ?? ZERO })) };
}

/** Reads a Medlemmar table or file: member and population. */
export function readMembers(source: SourceTable): ImportResult<Member> {
  return readRows(MEMBERS, (get) => ({ member: get("member", readText), inhabitants: get("inhabitants", readAmount), party: get("party", readText) || null }), (m) => (m.member === "" ? { column: "Medlem", message: "värde saknas" } : null))(source);
}

/**
 * Reads Medlemskostnader: one row per member and cost line. A file without a member column is
 * read as printed, one block per member closed by "Summa årskostnad <medlem>": the lines before
 * it are that member's, and the rows closing the block (the subtotal, the fee, the total) are none.
 */
export function readMemberCosts(given: SourceTable): ImportResult<MemberCostLine> {
  const columns = mapped(given, MEMBER_COSTS.fields);
  const source = columns.member === undefined ? memberBlocksAsRows(given) : given;
  return readRows(MEMBER_COSTS, (get) => ({
    member: get("member", readText), text: get("text", readText), amount: get("amount", readAmount), fte: get("fte", readAmount), rate: get("rate", readAmount),
  }), (c) => (c.member === "" ? { column: "Medlem", message: "värde saknas: raderna hör till ingen medlem (ingen rad 'Summa årskostnad <medlem>' stänger dem)" } : c.amount === null && (c.fte === null || c.rate === null) ? { column: "Belopp", message: "ange ett belopp, eller både antal personer och pris per person" } : null))(source);
}

/** Per-member blocks as printed, as rows with the member named by the subtotal that closes each block. */
function memberBlocksAsRows(source: SourceTable): SourceTable {
  const printed = readPrintedTable(printedGridOf(source));
  const block = printed.blocks.find((b) => b.kind === "table");
  if (!block) return source;
  // The amounts are never in the label column, even when it is headed "Kostnad" (the cost's text
  // in Medlemskostnader): the first header in this order names them, else the last amount column.
  const values = block.columns.filter((c) => c.kind !== "label");
  const named = ["Belopp", "Årsbelopp", "Kostnad kr", "Kostnad", "Summa"].map((name) => values.find((c) => headerNames(c.header, [name]))).find((c) => c !== undefined);
  const amountColumn = (named ?? values.filter((c) => c.kind === "amount").pop() ?? values[values.length - 1])?.index;
  const rows: SourceCell[][] = [];
  const rowNumbers: number[] = [];
  block.rows.forEach((row) => {
    if (row.role !== "subtotal") return;
    const member = row.label.replace(/^(summa|totalt?)\s+(årskostnad|medlemskostnader|kostnader)?\s*/i, "").trim();
    for (const i of row.sums ?? []) {
      const line = block.rows[i];
      const amount = amountColumn === undefined ? undefined : line.cells[amountColumn];
      rows.push([member, line.label, amount?.kind === "number" ? amount.value.toFixed() : null]);
      rowNumbers.push(line.line);
    }
  });
  return { file: source.file, headers: ["Medlem", "Kostnad", "Belopp"], rows, rowNumbers };
}

/** Reads a Kontomappning table or file: account (and object or text) → member and system. */
export function readAccountMapping(source: SourceTable): ImportResult<AccountMapping> {
  return readRows(ACCOUNT_MAPPING, (get) => ({
    account: get("account", (cell) => {
      const text = readText(cell);
      if (!/^\d{1,10}$/.test(text)) throw new Error(`'${text}' är inget kontonummer`);
      return text;
    }),
    object: get("object", readText), text: get("text", readText), member: get("member", readText), supplier: get("supplier", readText),
  }), (m) => (m.member === "" ? { column: "Medlem", message: "värde saknas" } : m.supplier === "" ? { column: "Leverantör/System", message: "värde saknas" } : null))(source);
}

/** One row of the Index table: a series' value in a month. */
export interface IndexRow {
  series: string;
  month: string | null;
  value: Amount | null;
}

/** Reads an Index table or file: series, month (ÅÅÅÅ-MM) and value. */
export function readIndexRows(source: SourceTable): ImportResult<IndexRow> {
  return readRows(INDEX, (get) => ({ series: get("series", readText), month: get("month", monthOf), value: get("value", readAmount) }), (r) => (!r.month ? { column: "Månad", message: "ange månaden som ÅÅÅÅ-MM" } : !r.value ? { column: "Värde", message: "värde saknas" } : null))(source);
}

/** Index rows as series by name, month → value: what contracts are indexed by. */
export function indexSeriesOf(rows: readonly IndexRow[]): Map<string, IndexSeries> {
  const all = new Map<string, Map<string, Amount>>();
  for (const r of rows) {
    const series = all.get(r.series) ?? new Map<string, Amount>();
    series.set(r.month!, r.value!);
    all.set(r.series, series);
  }
  return all;
}

const ALWAYS = makeDate(1900, 1, 1);

/** Where one member's weight in one key version stands in the Nyckel table (table row, header = 1). */
export interface KeyRow {
  version: KeyVersion;
  member: string;
  row: number;
}

function keyVersions(table: TableRecords<{ version: string; driver: string; referenceDate: CivilDate | null; validFrom: CivilDate | null; member: string; weight: Amount }>, errors: RowError[]): { versions: KeyVersion[]; rows: KeyRow[] } {
  const weightHeader = table.table?.headers.find((h) => KEY.fields[5].headers.some((a) => a.toLowerCase() === h.trim().toLowerCase())) ?? "Vikt";
  const rows = table.records.map((r) => ({ ...r, version: r.version || weightHeader, driver: r.driver || weightHeader, validFrom: r.validFrom ?? ALWAYS }));
  const { versions, problems } = groupKeyVersions(rows);
  for (const p of problems) errors.push({ file: table.source, row: table.rows[p.index], column: fieldLabel(KEY.fields, p.field), message: p.message });
  const byName = new Map(versions.map((v) => [memberId(v.name), v]));
  return { versions, rows: rows.map((r, i) => ({ version: byName.get(memberId(r.version))!, member: r.member, row: table.rows[i] })) };
}

export interface Model {
  contracts: ImportedContract[];
  /** The contracts with the table rows they came from, for messages. */
  contractRows: TableRecords<ImportedContract>;
  outcomes: Outcome[];
  members: Member[];
  memberTable: TableRecords<Member>;
  keyVersions: KeyVersion[];
  /** The Nyckel table and where each weight stands in it, for formulas that reference it. */
  keyTable: TableData | null;
  keyRows: KeyRow[];
  budget: TableRecords<BudgetRow>;
  memberCosts: TableRecords<MemberCostLine>;
  costOutcomes: CostOutcome[];
  prices: PriceEntry[];
  callOffs: TableRecords<CallOff>;
  penalties: TableRecords<Penalty>;
  /** Guarantees with the members' fixed shares, or null where the key shares them. */
  guarantees: (Omit<Guarantee, "distribution"> & { fixedShares: { member: string; quantity: Amount }[] | null })[];
  /** Index series by name, month → value. */
  indexSeries: Map<string, IndexSeries>;
  /** The records of every table that reads itself (ReadableTable), by key: Förändringar as model.read.feeChanges. */
  read: ReadableRecords;
  errors: RowError[];
}

/** Every table of the model, read in one round trip by the use cases. */
export const MODEL_TABLES: readonly string[] = Object.values(TABLES);

export type ModelTableName = string;

/** The model's tables by name, as the workbook gave them (a missing one is null or left out). */
export type ModelTables = Partial<Record<ModelTableName, TableData | null>>;

/** Tables read in one round trip, by the names they were asked for. */
export function tablesByName<N extends string>(names: readonly N[], tables: readonly (TableData | null)[]): Partial<Record<N, TableData | null>> {
  if (tables.length !== names.length) throw new Error(`${tables.length} tabeller för ${names.length} namn`);
  return Object.fromEntries(names.map((name, i) => [name, tables[i]])) as Partial<Record<N, TableData | null>>;
}

/**
 * The model from its tables, each read by name. Missing tables are empty; every bad row is an
 * error naming sheet, table, row and column. `year` dates penalties given as "Q1".
 */
export function modelFromTables(tables: ModelTables, year: number): Model {
  const t = (name: ModelTableName) => tables[name] ?? null;
  const errors: RowError[] = [];
  const contractRows = readTable(t(TABLES.contracts), errors, (s) => importContracts(s, mapped(s, CONTRACTS.fields)));
  const contracts = contractRows.records;
  const outcomes = readTable(t(TABLES.outcomes), errors, (s) => importOutcomes(s, mapped(s, OUTCOMES.fields))).records;
  const memberTable = readTable(t(TABLES.members), errors, readMembers);
  const keyTable = readTable(t(TABLES.key), errors, readRows(KEY, (get) => ({
    version: get("version", readText), driver: get("driver", readText), referenceDate: get("referenceDate", readDate), validFrom: get("validFrom", readDate),
    member: get("member", readText), weight: get("weight", readAmount) ?? ZERO,
  }), (r) => (r.member === "" ? { column: "Medlem", message: "värde saknas" } : null)));
  const budget = readTable(t(TABLES.budget), errors, readBudget);
  const memberCosts = readTable(t(TABLES.memberCosts), errors, readMemberCosts);
  const costOutcomes = readTable(t(TABLES.costOutcomes), errors, readRows(COST_OUTCOMES, (get) => ({
    section: get("section", readText), category: get("category", readText), member: get("member", readText), amount: get("amount", readAmount) ?? ZERO,
  }))).records;
  const prices = readTable(t(TABLES.prices), errors, (s) => importPrices(s, mapped(s, PRICES.fields))).records;
  const callOffs = readTable(t(TABLES.callOffs), errors, (s) => importCallOffs(s, mapped(s, CALL_OFFS.fields)));
  const penalties = readTable(t(TABLES.penalties), errors, readRows(PENALTIES, (get) => ({
    member: get("member", readText),
    supplier: get("supplier", readText),
    period: get("period", (cell) => parsePeriod(String(cell ?? ""), year)),
    clause: get("clause", readText) || "övrigt",
    amount: get("amount", readAmount) ?? ZERO,
    note: get("note", readText),
  }), (p) => (p.supplier === "" ? { column: "Leverantör", message: "värde saknas: vitet faktureras leverantören" } : null)));
  const shares = readTable(t(TABLES.guaranteeShares), errors, readRows(GUARANTEE_SHARES, (get) => ({
    supplier: get("supplier", readText), service: get("service", readText), member: get("member", readText), quantity: get("quantity", readAmount) ?? ZERO,
  }))).records;
  const guarantees = readTable(t(TABLES.guarantees), errors, readRows(GUARANTEES, (get) => ({
    supplier: get("supplier", readText), service: get("service", readText), yearStart: get("yearStart", readDate)!, quantity: get("quantity", readAmount) ?? ZERO, unitPrice: get("price", readAmount) ?? ZERO,
    kind: get("kind", guaranteeKind), sharing: get("sharing", guaranteeSharing),
  }), (g) => (!g.yearStart ? { column: "Avtalsår från", message: "datum saknas" } : null))).records.map((g) => {
    const fixed = shares.filter((x) => memberId(x.supplier) === memberId(g.supplier) && memberId(x.service) === memberId(g.service));
    return { ...g, fixedShares: fixed.length ? fixed.map((x) => ({ member: x.member, quantity: x.quantity })) : null };
  });
  const indexSeries = indexSeriesOf(readTable(t(TABLES.index), errors, readIndexRows).records);
  const key = keyVersions(keyTable, errors);
  const read = Object.fromEntries(READABLE_TABLES.map(([k, model]) => [k, readTable(t(model.name), errors, model.read)])) as ReadableRecords;
  return {
    contracts, contractRows, outcomes, members: memberTable.records, memberTable, keyVersions: key.versions, keyTable: t(TABLES.key), keyRows: key.rows, budget, memberCosts, costOutcomes,
    prices, callOffs, penalties, guarantees, indexSeries, read, errors,
  };
}
