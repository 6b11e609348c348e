import { FunctionDefinition, column } from "./definition";
import { Amount, ZERO } from "../core/money";
import { procurementSavings } from "../core/savings";
import { capitalCostInYear } from "../core/capitalCost";
import { FunctionError } from "./functionError";
import { ExcelMatrix, ExcelScalar, readInteger, readNumber, readRange, toExcelNumber } from "./excelValues";
import { guard } from "./allocationFunctions";

/** A cell or a column of hours (one per activity), summed; blank cells count as 0. */
function hoursOf(input: ExcelScalar | ExcelMatrix, argument: string): Amount {
  return readRange(input as ExcelMatrix, argument).reduce<Amount>((s, v) => {
    if (v.kind === "missing") throw new FunctionError("#N/A", `${argument}: värde saknas`);
    return v.kind === "number" ? s.plus(v.value) : s;
  }, ZERO);
}

/**
 * BESPARING / SAVINGS: (n × hours for one member − hours together) × hourly cost, or as a share of
 * the hours separately. Ranges of hours are summed first: the share of the whole is weighted by
 * hours, never an average of the activities' shares.
 */
export function savingsValue(hoursOneMember: ExcelScalar | ExcelMatrix, members: ExcelScalar, hoursTogether: ExcelScalar | ExcelMatrix, hourlyCost: ExcelScalar, asShare?: ExcelScalar): number {
  const one = hoursOf(hoursOneMember, "timmar_en_medlem");
  const together = hoursOf(hoursTogether, "timmar_tillsammans");
  const n = readInteger(members, "antal_medlemmar", 0, 1, 10_000);
  const rate = readNumber(hourlyCost, "timkostnad");
  if (asShare !== undefined && asShare !== null && typeof asShare !== "boolean") throw new FunctionError("#VALUE!", "som_andel ska vara SANT eller FALSKT");
  const result = guard(() => procurementSavings([{ activity: "Summa", oneMember: one, together }], n, rate), "timmar_en_medlem").total;
  if (asShare) {
    if (result.share === null) throw new FunctionError("#VALUE!", "timmarna var för sig är 0, så det finns ingen andel");
    return toExcelNumber(result.share);
  }
  return toExcelNumber(result.saving);
}

/** KAPITALKOSTNAD / CAPITALCOST: depreciation + internal interest on the opening book value in year k. */
export function capitalCostValue(amount: ExcelScalar, years: ExcelScalar, interestRate: ExcelScalar, yearNumber: ExcelScalar, decimals?: ExcelScalar): number {
  const total = readNumber(amount, "belopp");
  const n = readInteger(years, "avskrivningsår", 0, 1, 100);
  const rate = readNumber(interestRate, "internränta");
  const k = readInteger(yearNumber, "år_nr", 0, 1, 1000);
  const d = readInteger(decimals, "decimaler", 0, 0, 2);
  return toExcelNumber(guard(() => capitalCostInYear(total, n, rate, k, d), "internränta"));
}

/** The calculator functions: bodies above, definitions here (see definition.ts). */
export const CALCULATOR_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    id: "SAVINGS",
    run: savingsValue,
    result: { kind: "scalar" },
    sample: [column(40, 10), 8, column(60, 20), 425, true],
    sv: {
      name: "BESPARING",
      description: "Besparing vid gemensam upphandling: (antal medlemmar × timmar för en medlem − timmar tillsammans) × timkostnad, eller som andel av timmarna var för sig.",
      parameters: {
        hours_one_member: { name: "timmar_en_medlem", description: "Timmar för en medlem som gör det själv: en cell, eller en kolumn med en rad per aktivitet (summeras)." },
        members: { name: "antal_medlemmar", description: "Antal medlemmar som upphandlar tillsammans." },
        hours_together: { name: "timmar_tillsammans", description: "Timmar för alla medlemmar tillsammans: en cell, eller en kolumn med samma aktiviteter (summeras)." },
        hourly_cost: { name: "timkostnad", description: "Den interna timkostnaden, t.ex. 425." },
        as_share: { name: "som_andel", description: "SANT ger besparingen som andel av timmarna var för sig (formatera cellen som %); FALSKT eller utelämnat ger kronor." },
      },
    },
    help: `
<p>Besparing vid gemensam upphandling: (antal medlemmar × timmar för en medlem − timmar tillsammans) × timkostnad. Med <code>som_andel</code> SANT blir svaret besparingen som andel av timmarna var för sig. Timmar kan vara en kolumn med en rad per aktivitet; de summeras först, så andelen vägs efter timmar och är aldrig ett medelvärde av aktiviteternas andelar (710 sparade av 1 350 timmar är 52,59 %, inte de 47 % ett medelvärde ger).</p>
<p lang="en">Joint procurement savings in kronor, or as a share of the hours separately.</p>
<p>Exempel: <code>=SAMKALK.BESPARING(B2:B5;5;C2:C5;425)</code> ger 301 750; <code>=SAMKALK.BESPARING(B2:B5;5;C2:C5;425;SANT)</code> ger 52,59 %.</p>`,
  },
  {
    id: "CAPITALCOST",
    run: capitalCostValue,
    result: { kind: "scalar" },
    sample: [1000000, 5, "2 %", 2, 0],
    sv: {
      name: "KAPITALKOSTNAD",
      description: "Kapitalkostnaden för en investering ett visst år: rak avskrivning plus internränta på det bokförda värdet vid årets början.",
      parameters: {
        amount: { name: "belopp", description: "Investeringens belopp." },
        years: { name: "avskrivningsår", description: "Avskrivningstiden i hela år." },
        interest_rate: { name: "internränta", description: "Internräntan, t.ex. 2 % eller 0,02." },
        year_number: { name: "år_nr", description: "Året i avskrivningstiden: 1 är året investeringen tas i bruk." },
        decimals: { name: "decimaler", description: "0 för hela kronor (standard), 2 för ören." },
      },
    },
    help: `
<p>Kapitalkostnaden ett år: rak avskrivning (beloppet delat på åren så att avskrivningarna summerar exakt till beloppet) plus internränta på det bokförda värdet vid årets början, avrundad halvt uppåt. År 1 är året investeringen tas i bruk; efter avskrivningstiden är kostnaden 0.</p>
<p lang="en">Straight-line depreciation plus internal interest on the opening book value.</p>
<p>Exempel: <code>=SAMKALK.KAPITALKOSTNAD(1200000;5;2%;2)</code> ger 259 200 (240 000 + 2 % av 960 000).</p>`,
  },
];
