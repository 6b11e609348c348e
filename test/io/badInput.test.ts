import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { CliIO, nodeIO } from "../../src/cli/io";
import { readSourceFile } from "../../src/io/sourceTable";
import { guessMapping } from "../../src/model/fields";
import { CONTRACT_FIELDS, importContracts } from "../../src/model/contracts";
import { isDomainError, locatedMessage } from "../../src/core/errors";
import { formatIsoDate } from "../../src/core/dates";
import { zip } from "../zipWriter";

/**
 * The bad-input corpus (test/fixtures/bad, made by scripts/make-bad-corpus.js) with the outcome
 * each file must have: a correct import, or a Swedish error naming file, row and column. Never a
 * crash, a hang or a partial write.
 */
const BAD = join(__dirname, "..", "fixtures", "bad");

type Expectation = { ok: (string | number)[] } | { error: string; exit?: 2 };

/** Key files go through the CLI (`samkalk allocate`), the rest through the contract import. */
const KEYS: Record<string, Expectation> = {
  "key-windows1252.csv": { ok: ["Örby 10", "Åsa 5"] },
  "key-mixed-encoding.csv": { error: "fil key-mixed-encoding.csv, rad 2, kolumn Medlem: filen blandar teckenkodningar" },
  "key-bom.csv": { ok: ["Örby 10"] },
  "key-utf16.csv": { ok: ["Örby 10", "Åsa 5"] },
  "key-crlf-mix.csv": { ok: ["Ask 1", "Björkby 2", "Ceder 3"] },
  "key-quoted.csv": { ok: ["Ask; norra 1234.5", "Dal\nsödra 7"] },
  "key-missing-column.csv": { error: "fil key-missing-column.csv, rad 1: en nyckel behöver två kolumner" },
  "key-duplicate-column.csv": { error: "fil key-duplicate-column.csv, rad 1, kolumn Vikt: kolumnen Vikt finns flera gånger" },
  "key-duplicate-member.csv": { error: "fil key-duplicate-member.csv, rad 4, kolumn Medlem: medlemmen 'ask' finns redan på rad 2" },
  "key-negative.csv": { error: "fil key-negative.csv, rad 3, kolumn Vikt: vikten -5 är negativ" },
  "key-all-zero.csv": { error: "fil key-all-zero.csv, rad 2, kolumn Vikt: alla vikter är noll" },
  "key-text-weight.csv": { error: "fil key-text-weight.csv, rad 3, kolumn Vikt: texten 'tio' är inget tal" },
  "key-thousands.csv": { ok: ["A 1234", "B 1234", "C 1234", "D 1234567", "E 12000", "F 0.5"] },
  "key-ambiguous-thousands.csv": { error: "fil key-ambiguous-thousands.csv, rad 2, kolumn Vikt: texten '1.500' är inget tal" },
  "key-empty.csv": { error: "fil key-empty.csv: filen är tom" },
  "key-header-only.csv": { error: "fil key-header-only.csv, rad 2: nyckeln har inga datarader" },
  "key-huge-cell.csv": { error: "fil key-huge-cell.csv, rad 2, kolumn Medlem: namnet har 40\u00a0000 tecken" },
  "key-broken-quote.csv": { error: "fil key-broken-quote.csv, rad 2: ett citattecken (\") stängs aldrig" },
  "key-binary.csv": { error: "fil key-binary.csv" },
};

const CONTRACTS: Record<string, Expectation> = {
  "contracts-dates.csv": { ok: ["A 2022-04-30", "B 2022-04-30", "C 2022-04-30", "D 2022-04-30", "E 2022-04-30"] },
  "contracts-invalid-date.csv": { error: "contracts-invalid-date.csv, rad 3, kolumn Slutdatum: 2022-02-30 är inget giltigt datum" },
  "contracts-injection.csv": { ok: ['=HYPERLINK("http://example.invalid";"klicka") 100', "+46701234567 200", "-cmd 300"] },
  "contracts-missing-column.csv": { error: "contracts-missing-column.csv, rad 1, kolumn Avtalat: kolumnen Avtalat saknas" },
  "contracts-end-before-start.csv": { error: "contracts-end-before-start.csv, rad 2, kolumn Slutdatum: slutdatum 2023-12-31 ligger före startdatum 2024-01-01" },
  "contracts-text-amount.csv": { error: "contracts-text-amount.csv, rad 3, kolumn Avtalat: texten 'etthundra' är inget tal | contracts-text-amount.csv, rad 4, kolumn Avtalat: texten '1,2,3' är inget tal" },
  "contracts-not-a-zip.xlsx": { error: "fil contracts-not-a-zip.xlsx: filen är ingen xlsx-fil (den är inte ett zip-arkiv)" },
};

async function allocateKey(path: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { ...nodeIO, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await run(["allocate", "--total", "1000", "--key", path, "--json"], io);
  return { code, stdout, stderr };
}

async function importFile(path: string, name: string): Promise<{ ok: string[] } | { error: string }> {
  try {
    const source = await readSourceFile(new Uint8Array(readFileSync(path)), name);
    const result = importContracts(source, guessMapping(source.headers, CONTRACT_FIELDS));
    if (result.errors.length > 0) return { error: result.errors.map((e) => `${e.file}, rad ${e.row}, kolumn ${e.column}: ${e.message}`).join(" | ") };
    return { ok: result.records.map((c) => `${c.supplier} ${c.end ? formatIsoDate(c.end) : c.agreed?.toString()}`) };
  } catch (error) {
    if (isDomainError(error)) return { error: locatedMessage(error) };
    throw error;
  }
}

describe("the bad-input corpus", () => {
  it("lists every file in the corpus with its expected outcome", () => {
    expect(readdirSync(BAD).sort()).toEqual([...Object.keys(KEYS), ...Object.keys(CONTRACTS)].sort());
  });

  it.each(Object.entries(KEYS))("samkalk allocate --key %s", async (name, expected) => {
    const result = await allocateKey(join(BAD, name));
    if ("ok" in expected) {
      expect([result.code, result.stderr]).toEqual([0, ""]);
      expect(JSON.parse(result.stdout).parts.map((p: { member: string; weight: number }) => `${p.member} ${p.weight}`)).toEqual(expected.ok);
    } else {
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(expected.error);
    }
  });

  it.each(Object.entries(CONTRACTS))("contract import of %s", async (name, expected) => {
    const result = await importFile(join(BAD, name), name);
    if ("ok" in expected) expect(result).toEqual({ ok: expected.ok });
    else expect("error" in result && result.error).toContain(expected.error);
  });
});

describe("large and hostile files, made on the fly", () => {
  const dir = mkdtempSync(join(tmpdir(), "samkalk-bad-"));

  it("refuses a 100 MB file before parsing it", async () => {
    const path = join(dir, "stor.csv");
    const line = Buffer.from("Kommun;1234\n");
    writeFileSync(path, Buffer.concat([Buffer.from("Medlem;Vikt\n"), Buffer.alloc(100 * 1024 * 1024 - 12, line)]));
    const started = Date.now();
    const result = await allocateKey(path);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("fil stor.csv: filen är 100 MB; största tillåtna storlek är 64 MB");
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("refuses more rows than an import may have", async () => {
    const path = join(dir, "manga.csv");
    writeFileSync(path, `Medlem;Vikt\n${"A;1\n".repeat(250_001)}`);
    const result = await allocateKey(path);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("rad 250002: filen har fler än 250\u00a0000 datarader");
  });

  it("refuses a zip bomb–like xlsx without unpacking it", async () => {
    const content = Buffer.alloc(60 * 1024 * 1024, 0x20); // 60 MB of spaces packs to ~60 kB
    const path = join(dir, "bomb.xlsx");
    writeFileSync(path, zip([["xl/worksheets/sheet1.xml", content], ["[Content_Types].xml", Buffer.from("<Types/>")]]));
    const result = await importFile(path, "bomb.xlsx");
    expect(result).toEqual({ error: expect.stringContaining("fil bomb.xlsx: filen skulle packas upp till 60 MB") });
    expect("error" in result && result.error).toContain("zip-bomb");
  });

  /** An xlsx whose headers claim 1 kB per part while the first part unpacks to 60 MB. */
  const lyingBomb = () => zip([["xl/workbook.xml", Buffer.alloc(60 * 1024 * 1024, 0x20)], ["[Content_Types].xml", Buffer.from("<Types/>")]], 1000);

  it.each([
    ["fee", (path: string) => ["fee", "--budget", path, "--uplift", "2"]],
    ["recalc", (path: string) => ["recalc", path, "-o", join(dir, "ut.xlsx")]],
  ])("%s: stops a zip whose headers understate its size while unpacking, at the cap, not at its end", async (_, args) => {
    const path = join(dir, "ljugande.xlsx");
    writeFileSync(path, lyingBomb());
    let stderr = "";
    const io: CliIO = { ...nodeIO, stdout: () => undefined, stderr: (t) => void (stderr += t) };
    expect(await run(args(path), io)).toBe(2);
    expect(stderr).toContain("fil ljugande.xlsx: filen skulle packas upp till");
    expect(stderr).toContain("zip-bomb");
  });

  it("refuses an xlsx whose part does not match its checksum", async () => {
    const good = zip([["xl/workbook.xml", Buffer.from("<workbook/>")]]);
    good[good.indexOf(Buffer.from("xl/workbook.xml")) + 15] ^= 0xff; // a packed byte of the part, after its local name
    const path = join(dir, "skadad.xlsx");
    writeFileSync(path, good);
    let stderr = "";
    const io: CliIO = { ...nodeIO, stdout: () => undefined, stderr: (t) => void (stderr += t) };
    expect(await run(["recalc", path, "-o", join(dir, "ut2.xlsx")], io)).toBe(2);
    expect(stderr).toMatch(/fil skadad\.xlsx: xlsx-filen är skadad \(delen xl\/workbook\.xml (kan inte packas upp|stämmer inte med sin storlek eller kontrollsumma)\)/);
  });
});

describe("invisible characters and mixed encodings, made on the fly", () => {
  const dir = mkdtempSync(join(tmpdir(), "samkalk-identity-"));
  const key = (name: string, bytes: Buffer | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return allocateKey(path);
  };

  it.each([
    ["U+200E (left-to-right mark)", "\u200e"],
    ["U+200F (right-to-left mark)", "\u200f"],
    ["U+202A (left-to-right embedding)", "\u202a"],
    ["U+202E (right-to-left override)", "\u202e"],
    ["U+2066 (left-to-right isolate)", "\u2066"],
    ["U+2069 (pop directional isolate)", "\u2069"],
    ["U+200B (zero-width space)", "\u200b"],
    ["U+2063 (invisible separator)", "\u2063"],
  ])("a member named again with %s is the same member, not a second one", async (_, mark) => {
    const result = await key("bidi.csv", `Medlem;Vikt\nAsk;1\n${mark}Ask${mark};2\n`);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("fil bidi.csv, rad 3, kolumn Medlem: medlemmen");
    expect(result.stderr).toContain("finns redan på rad 2");
  });

  it("finds a duplicated header hidden by a zero-width space, and names it as the user sees it", async () => {
    const result = await key("dold-rubrik.csv", "Medlem;Vikt;Vi\u200bkt\nAsk;1;2\n");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("fil dold-rubrik.csv, rad 1, kolumn Vikt: kolumnen Vikt finns flera gånger");
  });

  it("refuses a UTF-8 file with a BOM that also holds Windows-1252 bytes, with row and column", async () => {
    const bytes = Buffer.concat([Buffer.from("\ufeffMedlem;Vikt\nÅsa;5\n", "utf-8"), Buffer.from("Ask;", "latin1"), Buffer.from([0x31]), Buffer.from("\n", "latin1"), Buffer.from("\xd6rby;10\n", "latin1")]);
    const result = await key("bom-blandad.csv", bytes);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("fil bom-blandad.csv, rad 4, kolumn Medlem: filen blandar teckenkodningar");
    expect(result.stderr).not.toContain("\ufffd");
    const inWeight = await key("bom-blandad-vikt.csv", Buffer.concat([Buffer.from("\ufeffMedlem;Vikt\nÅsa;5\nAsk;1", "utf-8"), Buffer.from([0xa0]), Buffer.from("0\n")]));
    expect(inWeight.stderr).toContain("fil bom-blandad-vikt.csv, rad 3, kolumn Vikt: filen blandar teckenkodningar");
  });
});
