import { DomainError, isDomainError, locatedMessage } from "../core/errors";
import { BRIDGE_USAGE, CALENDAR_USAGE, CAPITAL_USAGE, FEE_USAGE, HOSTING_USAGE, POPULATION_USAGE, RECONCILE_USAGE } from "./usage";
import { CliIO, UsageError, nodeIO } from "./io";
import { reasonOf } from "./fileErrors";

export const USAGE = `Samkalk – exakt kostnadsfördelning och avtalsuppföljning

Användning:
  samkalk allocate --total <belopp> --key <nyckel.csv> [--column "<rubrik>"] [--groups | --compare "<rubrik>"] [--equal-share <andel>] [--decimals <0-2>] [--json]
  samkalk check <tabell.csv> [--rule "<kolumn> = <kolumn> + <kolumn> - <kolumn>"]... [--json]
  ${FEE_USAGE}
  ${BRIDGE_USAGE}
  ${RECONCILE_USAGE}
  samkalk notice --end <ÅÅÅÅ-MM-DD> [--notice-months <n> | --fixed-notice "30 dec året före"] [--renewal-months <n>] [--as-of <ÅÅÅÅ-MM-DD>]
                 [--option-months <n>[,<n>…] [--option-count <n>] [--option-call-by <mån före|ÅÅÅÅ-MM-DD>[,…]]] [--settle-within <n>] [--json]
  ${CALENDAR_USAGE}
  samkalk recalc <in.xlsx> -o <ut.xlsx> [--values-only]
  ${POPULATION_USAGE}
  ${HOSTING_USAGE}
  ${CAPITAL_USAGE}
  samkalk invoice <modell.xlsx> --year <ÅÅÅÅ> --period <Q1|Q2|Q3|Q4|H1|H2> -o <mapp> [--format xlsx|csv]

Slutkoder: 0 klart (check, fee, reconcile, bridge: inga avvikelser), 1 avvikelser hittades, 2 fel i anrop eller indata.`;

type Command = (args: string[], io: CliIO) => number | Promise<number>;

/** Each command is loaded when it runs: recalc need not load exceljs, nor allocate the engine. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  allocate: async () => (await import("./allocateCommand")).allocateCommand,
  check: async () => (await import("./checkCommand")).checkCommand,
  notice: async () => (await import("./noticeCommand")).noticeCommand,
  calendar: async () => (await import("./calendarCommand")).calendarCommand,
  recalc: async () => (await import("./recalcCommand")).recalcCommand,
  invoice: async () => (await import("./invoiceCommand")).invoiceCommand,
  fee: async () => (await import("./feeCommand")).feeCommand,
  reconcile: async () => (await import("./reconcileCommand")).reconcileCommand,
  bridge: async () => (await import("./bridgeCommand")).bridgeCommand,
  population: async () => (await import("./populationCommand")).populationCommand,
  hosting: async () => (await import("./hostingCommand")).hostingCommand,
  capital: async () => (await import("./capitalCommand")).capitalCommand,
};

/** Runs one CLI invocation and returns its exit code; every error becomes Swedish text on stderr. */
export async function run(argv: string[], io: CliIO = nodeIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.stdout(USAGE);
    return command === undefined ? 2 : 0;
  }
  const handler = COMMANDS[command];
  if (!handler) {
    io.stderr(`samkalk: okänt kommando '${command}'\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(commandUsage(command));
    return 0;
  }
  try {
    return await (await handler())(negativeValues(rest), io);
  } catch (error) {
    io.stderr(`samkalk ${command}: ${describeError(error)}`);
    return 2;
  }
}

/** The usage lines of one command (a line of its own and the lines continuing it). */
export function commandUsage(command: string): string {
  const lines = USAGE.split("\n");
  const first = lines.findIndex((l) => l.trim().startsWith(`samkalk ${command} `) || l.trim() === `samkalk ${command}`);
  const own = [lines[first]];
  for (let i = first + 1; i < lines.length && /^\s{4,}\S/.test(lines[i]); i++) own.push(lines[i]);
  return `Användning:\n${own.join("\n")}\n\n${lines[lines.length - 1]}`;
}

/**
 * "--total -5000": a value that is a negative number belongs to the option before it (Node's
 * parser would take it for an option and answer in English).
 */
export function negativeValues(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (/^--[^=]+$/.test(args[i]) && i + 1 < args.length && /^[-\u2212]\d/.test(args[i + 1])) {
      out.push(`${args[i]}=${args[i + 1]}`);
      i++;
    } else out.push(args[i]);
  }
  return out;
}

function describeError(error: unknown): string {
  if (isDomainError(error)) return locatedMessage(error as DomainError);
  if (error instanceof UsageError) return `${error.message}\n\n${USAGE}`;
  const code = (error as { code?: string }).code;
  if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) return `${translateArgsError(error as Error)}\n\n${USAGE}`;
  // A file-system error no command expected still reads as Swedish, naming the file, never as a raw code.
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) {
    const path = (error as NodeJS.ErrnoException).path;
    return locatedMessage(new DomainError("INVALID_ARGUMENT", `filen kunde inte hanteras: ${reasonOf(error)}`, path ? { file: path } : {}));
  }
  throw error;
}

function translateArgsError(error: Error): string {
  const unknown = /Unknown option '([^']+)'/.exec(error.message);
  if (unknown) return `okänd flagga ${unknown[1]}`;
  const missing = /Option '([^']+)'.* argument missing/.exec(error.message);
  if (missing) return `flaggan ${missing[1].split(" ").pop()} saknar värde`;
  return `felaktigt anrop (${error.message})`;
}
