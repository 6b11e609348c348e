import { FunctionDefinition, column } from "./definition";
import { amountFromCellNumber, excelDouble } from "../core/cellNumber";
import { Amount, ZERO, fromUnits } from "../core/money";
import { sv } from "../core/swedishDigits";
import { AllocationMethod, BY_DRIVER, allocateUnits, keySharesPercent, mixedMethod } from "../core/allocation";
import { isDomainError } from "../core/errors";
import { LIMITS } from "../core/limits";
import { splitPeriods } from "../core/periods";
import { FunctionError, guard } from "./functionError";
import { checkSomeWeight, checkWeight } from "../core/weights";

export { guard } from "./functionError";
import { labelledKey } from "./printedKey";
import { ExcelMatrix, ExcelScalar, asMatrix, inShapeOf, positionIn, readInteger, readNumber, readNumberValue, toExcelNumber } from "./excelValues";


/**
 * Weights from a range: blank is 0 (the member is excluded), numbers and Swedish number text are
 * read, anything else is an error naming the cell's position in the range. Plain numbers pass
 * through as numbers: a 100 000-cell range must not cost a Decimal per cell.
 */
export function readWeights(range: ExcelMatrix, argument = "vikter"): (number | Amount)[] {
  const cells = range.length * (range[0]?.length ?? 0);
  if (cells > LIMITS.functionCells) {
    throw new FunctionError("#VALUE!", `${argument} har ${cells.toLocaleString("sv-SE")} celler; högst ${LIMITS.functionCells.toLocaleString("sv-SE")} tillåts`);
  }
  const weights: (number | Amount)[] = [];
  let anyPositive = false;
  range.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (typeof cell === "number" && Number.isFinite(cell) && cell >= 0 && cell < 1e15) {
        weights.push(excelDouble(cell));
        if (cell > 0) anyPositive = true;
        return;
      }
      const where = `${argument}, ${positionIn(range, r, c)}`;
      const value = readNumberValue(cell, where);
      if (value.kind === "missing") throw new FunctionError("#VALUE!", `${where}: värde saknas (lämna tom eller skriv 0 för att utesluta)`);
      const weight = value.kind === "number" ? value.value : ZERO;
      weights.push(guard(() => checkWeight(weight), where));
    }),
  );
  if (!anyPositive) guard(() => checkSomeWeight(weights), argument);
  return weights;
}

/** Units of 10^-decimals as the numbers cells get: the double nearest each exact decimal. */
function unitsToNumbers(units: readonly bigint[], decimals: number): number[] {
  const scale = 10 ** decimals;
  const limit = 10n ** BigInt(15 + decimals);
  return units.map((u) => {
    if (u >= limit || u <= -limit) throw new FunctionError("#VALUE!", "resultatet är större än Excel kan visa exakt (högst 15 siffror)");
    return Number(u) / scale;
  });
}

const toNumbers = (amounts: readonly Amount[]) => amounts.map((a) => toExcelNumber(a));

/** rak_andel: the fraction split equally between members with a weight, the rest by weight; blank is 0. */
function equalShareMethod(equalShare: ExcelScalar | undefined): AllocationMethod {
  const share = readNumberValue(equalShare, "rak_andel");
  return share.kind === "number" ? guard(() => mixedMethod(share.value), "rak_andel") : BY_DRIVER;
}

/** An amount split by the weights in a range (a column, a row, or a key as printed), in its shape, summing exactly. */
function splitCells(amount: ExcelScalar, weights: ExcelMatrix, equalShare: ExcelScalar | undefined, decimals: ExcelScalar | undefined, amountName: string): (number | string)[][] {
  const range = asMatrix(weights);
  const total = readNumber(amount, amountName);
  const d = readInteger(decimals, "decimaler", 0, 0, 2);
  const method = equalShareMethod(equalShare);
  const printed = labelledKey(range, "vikter");
  if (printed) return printed.place(guard(() => allocateUnits(total, printed.weights, method, d), amountName).map((u) => fromUnits(u, d)));
  const parsedWeights = readWeights(range);
  return inShapeOf(range, unitsToNumbers(guard(() => allocateUnits(total, parsedWeights, method, d), amountName), d));
}

/** FORDELA / ALLOCATE: parts in the shape of the weights, summing exactly to the amount. */
export function allocateCells(amount: ExcelScalar, weights: ExcelMatrix, equalShare?: ExcelScalar, decimals?: ExcelScalar): (number | string)[][] {
  return splitCells(amount, weights, equalShare, decimals, "belopp");
}

/** NYCKELANDEL / KEYSHARE: each weight's share as a fraction; the shown percentages sum to 100. */
export function keyShareCells(weights: ExcelMatrix, decimals?: ExcelScalar): (number | string)[][] {
  const range = asMatrix(weights);
  const d = readInteger(decimals, "decimaler", 2, 0, 4);
  const printed = labelledKey(range, "vikter");
  if (printed) return printed.place(guard(() => keySharesPercent(printed.weights.map((weight, i) => ({ member: String(i + 1), weight })), BY_DRIVER, d)).map((p) => p.dividedBy(100)));
  const entries = readWeights(range).map((weight, i) => ({ member: String(i + 1), weight: typeof weight === "number" ? amountFromCellNumber(weight) : weight }));
  const percents = guard(() => keySharesPercent(entries, BY_DRIVER, d));
  return inShapeOf(range, percents.map((p) => toExcelNumber(p.dividedBy(100))));
}

/**
 * REGLERING / SETTLE: a surplus (+) or deficit (−) per member by the weights, summing exactly;
 * with rak_andel part of it equally, as the fee was split (the same rule as FORDELA and the
 * Reglering sheet). rak_andel comes last so that formulas written before it keep their meaning.
 */
export function settleCells(result: ExcelScalar, weights: ExcelMatrix, decimals?: ExcelScalar, equalShare?: ExcelScalar): (number | string)[][] {
  return splitCells(result, weights, equalShare, decimals, "resultat");
}

/** PERIODISERA's number of periods: 4 when left blank, a whole number from 1 to 1 200. */
export const periodsOf = (periods: ExcelScalar): number => readInteger(periods, "perioder", 4, 1, 1200);

/** PERIODISERA / SPLITPERIODS: a row of n periods summing exactly to the amount. */
export function splitPeriodCells(amount: ExcelScalar, periods: ExcelScalar, decimals?: ExcelScalar): number[][] {
  const total = readNumber(amount, "belopp");
  const n = periodsOf(periods);
  const d = readInteger(decimals, "decimaler", 0, 0, 2);
  return [toNumbers(guard(() => splitPeriods(total, n, d), "belopp"))];
}

/** The allocation functions: bodies above, definitions here (see definition.ts). */
export const ALLOCATION_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    id: "ALLOCATE",
    run: allocateCells,
    result: { kind: "shapeOfArgument", index: 1 },
    sample: [100000, column(12345, 6789, 25010, 3001), 0.5, 0],
    sv: {
      name: "FORDELA",
      description: "Fördelar ett belopp på medlemmar efter vikter; delarna summerar alltid exakt till beloppet (största rest).",
      parameters: {
        amount: { name: "belopp", description: "Beloppet som ska fördelas." },
        weights: { name: "vikter", description: "En vikt per medlem (användare, invånare …) som kolumn eller rad; tom cell utesluter medlemmen. Eller en nyckel som den är tryckt, namn och vikter i två kolumner: grupprader och summarader får ingen andel." },
        equal_share: { name: "rak_andel", description: "Andel av beloppet som delas lika mellan medlemmar med vikt (0–1), resten efter vikt. Standard 0." },
        decimals: { name: "decimaler", description: "0 för hela kronor (standard), 2 för ören." },
      },
    },
    help: `
<p>Fördelar ett belopp på medlemmar efter vikter (användare, invånare …). Delarna summerar alltid exakt till beloppet: varje del får sitt golv och de kronor som blir över går till de största resterna (största restmetoden). <code>rak_andel</code> 0,5 betyder 50 % rak andel och 50 % efter vikt.</p>
<p lang="en">Allocates an amount over members by weights; the parts always sum exactly (largest remainder).</p>
<p>Exempel: <code>=SAMKALK.FORDELA(100000;B2:B5;0,5)</code></p>
<p>En nyckel som den är tryckt går också: peka på två kolumner, namn och vikter (<code>=SAMKALK.FORDELA(100000;A2:B20)</code>). Grupprader och summarader, med eller utan rubrik, får ingen andel; resultatet har nyckelns form med namnet bredvid varje belopp, tomt på grupprader och gruppens summa på summarader. Samma gäller NYCKELANDEL och REGLERING.</p>`,
  },
  {
    id: "KEYSHARE",
    run: keyShareCells,
    result: { kind: "shapeOfArgument", index: 0 },
    sample: [column(1, 2, 3), 2],
    sv: {
      name: "NYCKELANDEL",
      description: "Varje vikts andel av summan som bråktal; andelarna visade i procent summerar till exakt 100 %.",
      parameters: {
        weights: { name: "vikter", description: "En vikt per medlem som kolumn eller rad; tom cell räknas som 0. Eller en nyckel som den är tryckt, namn och vikter i två kolumner." },
        decimals: { name: "decimaler", description: "Antal decimaler i procentandelen (0–4). Standard 2." },
      },
    },
    help: `
<p>Varje vikts andel av summan. Andelarna visade i procent summerar till exakt 100,00 %.</p>
<p lang="en">Each weight's share; shown as percentages they sum to exactly 100 %.</p>
<p>Exempel: <code>=SAMKALK.NYCKELANDEL(B2:B5)</code></p>`,
  },
  {
    id: "SPLITPERIODS",
    run: splitPeriodCells,
    result: { kind: "rowOfLength", index: 1, length: periodsOf },
    sample: [100001, 4, 0],
    sv: {
      name: "PERIODISERA",
      description: "Delar ett årsbelopp i perioder som summerar exakt till året.",
      parameters: {
        amount: { name: "belopp", description: "Årsbeloppet." },
        periods: { name: "perioder", description: "4 för kvartal, 2 för halvår, eller valfritt antal perioder." },
        decimals: { name: "decimaler", description: "0 för hela kronor (standard), 2 för ören." },
      },
    },
    help: `
<p>Delar ett årsbelopp i kvartal, halvår eller månader som summerar exakt till året.</p>
<p lang="en">Splits a yearly amount into periods that sum exactly to the year.</p>
<p>Exempel: <code>=SAMKALK.PERIODISERA(5013300;4)</code></p>`,
  },
  {
    id: "SETTLE",
    run: settleCells,
    result: { kind: "shapeOfArgument", index: 1 },
    sample: [-95750, column(12345, 6789, 25010, 3001), 0, 0.5],
    sv: {
      name: "REGLERING",
      description: "Reglerar ett överskott (+) eller underskott (−) på medlemmarna efter vikter; beloppen summerar exakt.",
      parameters: {
        result: { name: "resultat", description: "Överskottet (positivt) eller underskottet (negativt)." },
        weights: { name: "vikter", description: "En vikt per medlem som kolumn eller rad. Eller en nyckel som den är tryckt, namn och vikter i två kolumner." },
        decimals: { name: "decimaler", description: "0 för hela kronor (standard), 2 för ören." },
        equal_share: { name: "rak_andel", description: "Andel av resultatet som delas lika mellan medlemmar med vikt (0–1), resten efter vikt, som avgiften fördelades. Standard 0." },
      },
    },
    help: `
<p>Fördelar årets över- eller underskott på medlemmarna efter nyckeln, exakt. <code>rak_andel</code> 0,5 betyder att hälften av resultatet delas lika mellan medlemmarna med vikt och hälften efter vikt, som när avgiften fördelades med rak andel.</p>
<p lang="en">Splits the year's surplus or deficit by the key, exactly; with an equal share, part of it equally.</p>
<p>Exempel: <code>=SAMKALK.REGLERING(95750;B2:B5)</code>, med rak andel: <code>=SAMKALK.REGLERING(95750;B2:B5;0;0,5)</code></p>`,
  },
];
