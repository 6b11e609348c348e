import { normaliseHeader } from "../core/cells";

export { duplicatedHeaders } from "../core/cells";

/** A field of a record and the Swedish (and English) headers that name it in exports. */
export interface FieldSpec<F extends string> {
  field: F;
  label: string;
  headers: string[];
  required: boolean;
}

export type ColumnMapping<F extends string> = Partial<Record<F, number>>;

/**
 * A header as exports write it with a year or unit added: "Fakturerat 2021", "Avtalat (kr)",
 * "Utfall 2025-12", "Belopp tkr" is recognised as "Fakturerat", "Avtalat", "Utfall", "Belopp".
 */
function withoutQualifier(header: string): string {
  return normaliseHeader(header).replace(/\s*\(?\b(19|20)\d{2}([-/–]\d{1,4})?\)?$/, "").replace(/\s*\(?(kr|sek|tkr)\)?$/, "").trim();
}

/** Whether a header names the field, exactly or with a year or unit added ("Användare 2026"). */
export function headerNames(header: string, names: readonly string[]): boolean {
  const wanted = names.map(normaliseHeader);
  return wanted.includes(normaliseHeader(header)) || wanted.includes(withoutQualifier(header));
}

/**
 * Recognises columns by their header, exactly first and then with a year or unit left out; the
 * user can change the mapping in the preview.
 */
export function guessMapping<F extends string>(headers: readonly string[], fields: readonly FieldSpec<F>[]): ColumnMapping<F> {
  const mapping: ColumnMapping<F> = {};
  const used = new Set<number>();
  for (const loose of [false, true]) {
    for (const spec of fields) {
      if (mapping[spec.field] !== undefined) continue;
      const wanted = spec.headers.map(normaliseHeader);
      const index = headers.findIndex((h, i) => !used.has(i) && wanted.includes(loose ? withoutQualifier(h) : normaliseHeader(h)));
      if (index >= 0) {
        mapping[spec.field] = index;
        used.add(index);
      }
    }
  }
  return mapping;
}

export function missingRequired<F extends string>(mapping: ColumnMapping<F>, fields: readonly FieldSpec<F>[]): FieldSpec<F>[] {
  return fields.filter((f) => f.required && mapping[f.field] === undefined);
}

/** A field of a workbook table: how it is recognised, and the number format it is written with. */
export interface TableField<F extends string> extends FieldSpec<F> {
  format?: string | null;
}

/**
 * One table of the workbook model, described once: its name, its fields (each with the header it
 * is written with, the headers it is recognised by and its format). Import screens, use cases,
 * the demo workbook and the CLI all take headers and formats from here.
 */
export interface TableModel<F extends string> {
  name: string;
  fields: readonly TableField<F>[];
}

/** The column a field is written under: the one place a field's Swedish name is looked up. */
export function fieldLabel<F extends string>(fields: readonly FieldSpec<F>[], field: F): string {
  const found = fields.find((f) => f.field === field);
  if (!found) throw new Error(`fältet ${field} finns inte i tabellen`);
  return found.label;
}

export function tableHeaders<F extends string>(model: TableModel<F>): string[] {
  return model.fields.map((f) => f.label);
}

export function tableFormats<F extends string>(model: TableModel<F>): (string | null)[] {
  return model.fields.map((f) => f.format ?? null);
}
