import { Amount } from "../core/money";
import { CivilDate, makeDate } from "../core/dates";
import { isDomainError } from "../core/errors";
import { LedgerTransaction } from "../core/ledger";
import { RowError } from "../core/cells";
import { checkFileSize } from "./fileSize";

/**
 * SIE 4 (the Swedish standard export of every accounting system, sie.se's format description):
 * lines starting with a #label, fields separated by spaces, text in quotes (\" inside), object
 * lists in braces, vouchers as #VER followed by a { … } block of #TRANS lines. The file is PC-8
 * (code page 437) by the standard; a UTF-8 file with BOM, or one that declares no PC8 and is valid
 * UTF-8, is read as UTF-8.
 */

const CP437_HIGH = "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

export function decodeCp437(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += bytes[i] < 0x80 ? String.fromCharCode(bytes[i]) : CP437_HIGH[bytes[i] - 0x80];
  return out;
}

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  const ascii = new TextDecoder("latin1").decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
  if (!/#FORMAT\s+PC8/i.test(ascii)) {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      // not UTF-8: the standard's PC-8
    }
  }
  return decodeCp437(bytes);
}

type Token = string | string[];

/** Splits a line into fields: quoted text, plain words, and { … } lists (as arrays of fields). */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let list: string[] | null = null;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (/\s/.test(c)) {
      i++; // every kind of white space separates fields; the word scan below stops on the same class
      continue;
    }
    if (c === "{" && list === null) {
      list = [];
      i++;
      continue;
    }
    if (c === "}" && list !== null) {
      tokens.push(list);
      list = null;
      i++;
      continue;
    }
    let text = "";
    if (c === '"') {
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === "\\" && i + 1 < line.length) i++;
        text += line[i++];
      }
      i++; // the closing quote (a missing one ends the field at the end of the line)
    } else if (c === "{" || c === "}") {
      text = c; // a brace that opens nothing or closes nothing: a field of its own, so the scan moves on
      i++;
    } else {
      while (i < line.length && !/[\s{}"]/.test(line[i])) text += line[i++];
    }
    (list ?? tokens).push(text);
  }
  if (list !== null) tokens.push(list);
  return tokens;
}

function sieDate(text: Token | undefined): CivilDate | null {
  if (typeof text !== "string" || text === "") return null;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) throw new Error(`'${text}' är inget datum (ÅÅÅÅMMDD)`);
  return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function sieAmount(text: Token | undefined): Amount {
  if (typeof text !== "string" || !/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`'${String(text ?? "")}' är inget belopp (SIE skriver t.ex. -1234.50)`);
  return new Amount(text);
}

/**
 * {dimension object …}: at most one object per dimension. Two in one dimension cannot both be the
 * transaction's (SIE gives one per dimension), and keeping either would book the amount to an
 * object by accident, so the line is reported.
 */
function objectList(token: Token | undefined): Record<string, string> {
  const objects: Record<string, string> = {};
  if (!Array.isArray(token)) return objects;
  if (token.length % 2 !== 0) throw new Error(`objektlistan {${token.join(" ")}} har en dimension utan objekt`);
  for (let i = 0; i + 1 < token.length; i += 2) {
    const [dimension, object] = [token[i], token[i + 1]];
    if (dimension in objects && objects[dimension] !== object) {
      throw new Error(`objektlistan har två objekt i dimension ${dimension} ('${objects[dimension]}' och '${object}'); en transaktion hör till högst ett objekt per dimension`);
    }
    objects[dimension] = object;
  }
  return objects;
}

export interface SieFile {
  file: string;
  company: string | null;
  transactions: LedgerTransaction[];
  /** Every line that could not be read, with its line number: the file is not used while there are any. */
  errors: RowError[];
}

/** Reads the vouchers of an SIE 4 file. Labels it does not need (#KONTO, #RES, #IB …) are passed over. */
export function parseSie(bytes: Uint8Array, file: string): SieFile {
  checkFileSize(bytes.length, file);
  const lines = decode(bytes).split(/\r\n|\n|\r/);
  const transactions: LedgerTransaction[] = [];
  const errors: RowError[] = [];
  let company: string | null = null;
  let voucher: { id: string; date: CivilDate | null; text: string; line: number } | null = null;
  let inBlock = false;
  const fail = (line: number, column: string, error: unknown) => {
    if (!(error instanceof Error) && !isDomainError(error)) throw error;
    errors.push({ file, row: line, column, message: (error as Error).message });
  };
  lines.forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (text === "") return;
    if (text === "{") {
      if (!voucher || inBlock) errors.push({ file, row: line, column: "", message: "'{' utan en #VER före" });
      inBlock = true;
      return;
    }
    if (text === "}") {
      if (!inBlock) errors.push({ file, row: line, column: "", message: "'}' utan ett öppet verifikat" });
      inBlock = false;
      voucher = null;
      return;
    }
    const [label, ...fields] = tokenize(text);
    if (typeof label !== "string" || !label.startsWith("#")) {
      errors.push({ file, row: line, column: "", message: `raden börjar inte med en #etikett: '${text.slice(0, 40)}'` });
      return;
    }
    switch (label.toUpperCase()) {
      case "#FNAMN":
        company = typeof fields[0] === "string" ? fields[0] : null;
        return;
      case "#VER":
        if (inBlock) errors.push({ file, row: line, column: "", message: "#VER inne i ett annat verifikat; '}' saknas före" });
        try {
          voucher = { id: `${fields[0] ?? ""} ${fields[1] ?? ""}`.trim(), date: sieDate(fields[2]), text: typeof fields[3] === "string" ? fields[3] : "", line };
          if (!voucher.date) throw new Error("verifikatet saknar datum");
        } catch (error) {
          fail(line, "verdatum", error);
          voucher = { id: "", date: null, text: "", line };
        }
        inBlock = false;
        return;
      case "#TRANS": {
        if (!voucher || !inBlock) {
          errors.push({ file, row: line, column: "", message: "#TRANS utanför ett verifikat (#VER följt av '{')" });
          return;
        }
        const [account, objects, amount, date, transText] = fields;
        if (typeof account !== "string" || !/^\d{1,10}$/.test(account)) {
          errors.push({ file, row: line, column: "kontonr", message: `'${String(account ?? "")}' är inget kontonummer` });
          return;
        }
        let objectsOf: Record<string, string>;
        try {
          objectsOf = objectList(objects);
        } catch (error) {
          fail(line, "objektlista", error);
          return;
        }
        try {
          const value = sieAmount(amount);
          const when = sieDate(date) ?? voucher.date;
          if (!when) return; // the voucher's own date was bad: already reported
          transactions.push({ account, objects: objectsOf, amount: value, date: when, text: typeof transText === "string" && transText ? transText : voucher.text, line, voucher: voucher.id });
        } catch (error) {
          fail(line, typeof amount === "string" && !/^-?\d+(\.\d+)?$/.test(amount) ? "belopp" : "transdat", error);
        }
        return;
      }
      default:
        return; // #RTRANS and #BTRANS are followed or preceded by their own #TRANS; other labels are not needed here
    }
  });
  if (inBlock) errors.push({ file, row: lines.length, column: "", message: "filen slutar inne i ett verifikat: '}' saknas" });
  return { file, company, transactions, errors };
}
