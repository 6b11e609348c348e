import { DomainError, isDomainError, locatedMessage } from "../core/errors";
import { CliIO, UsageError, nodeIO } from "./io";
import { reasonOf } from "./fileErrors";

type Command = (args: string[], io: CliIO) => number | Promise<number>;

/**
 * Every command: its usage (the help text and a command's own usage errors are built from it) and
 * its loader. Each is loaded when it runs: recalc need not load exceljs, nor allocate the engine.
 * A new command is its file, its entry here and its test.
 */
const COMMANDS: Record<string, { usage: readonly string[]; load: () => Promise<Command> }> = {
  allocate: {
    usage: ["samkalk allocate --total <belopp> --key <nyckel.csv> [--column \"<rubrik>\"] [--groups | --compare \"<rubrik>\"] [--equal-share <andel>] [--decimals <0-2>] [--json]"],
    load: async () => (await import("./allocateCommand")).allocateCommand,
  },
  check: {
    usage: ["samkalk check <tabell.csv> [--rule \"<kolumn> = <kolumn> + <kolumn> - <kolumn>\"]... [--json]"],
    load: async () => (await import("./checkCommand")).checkCommand,
  },
  fee: {
    usage: ["samkalk fee --budget <budget.csv|xlsx> [--uplift <procent>] [--last-fee <belopp>] [--key <nyckel.csv> [--column \"<rubrik>\"]] [--json]"],
    load: async () => (await import("./feeCommand")).feeCommand,
  },
  bridge: {
    usage: ["samkalk bridge --changes <förändringar.csv|xlsx> --last-fee <belopp> [--fee <belopp>] [--json]"],
    load: async () => (await import("./bridgeCommand")).bridgeCommand,
  },
  reconcile: {
    usage: ["samkalk reconcile (<avtal.csv|xlsx> <utfall.csv|xlsx|se> | <uppföljning.csv|xlsx>) [--members <medlemmar.csv>] [--index <index.csv>] [--mapping <kontomappning.csv> --year <ÅÅÅÅ>] [--as-of <ÅÅÅÅ-MM-DD>] [--months <n>] [--json]"],
    load: async () => (await import("./reconcileCommand")).reconcileCommand,
  },
  notice: {
    usage: ["samkalk notice --end <ÅÅÅÅ-MM-DD> [--notice-months <n> | --fixed-notice \"30 dec året före\"] [--renewal-months <n>] [--as-of <ÅÅÅÅ-MM-DD>]", "[--option-months <n>[,<n>…] [--option-count <n>] [--option-call-by <mån före|ÅÅÅÅ-MM-DD>[,…]]] [--settle-within <n>] [--json]"],
    load: async () => (await import("./noticeCommand")).noticeCommand,
  },
  calendar: {
    usage: ["samkalk calendar <avtal.csv|xlsx> [--recurring <datum.csv>] [--from <ÅÅÅÅ-MM-DD>] [--months <n>] -o <frister.ics|xlsx|csv>"],
    load: async () => (await import("./calendarCommand")).calendarCommand,
  },
  recalc: {
    usage: ["samkalk recalc <in.xlsx> -o <ut.xlsx> [--values-only]"],
    load: async () => (await import("./recalcCommand")).recalcCommand,
  },
  population: {
    usage: ["samkalk population <scb.csv|json> (--date <ÅÅÅÅ-MM-DD> | --year <nyckelår> --reference 31-dec|1-nov) [--members <nyckel.csv>] [-o <nyckel.csv>] [--json]"],
    load: async () => (await import("./populationCommand")).populationCommand,
  },
  hosting: {
    usage: ["samkalk hosting --costs <kostnader.csv> --key <nyckel.csv> [--column \"<rubrik>\"] --months <n> --start <ÅÅÅÅ-MM> [--json]"],
    load: async () => (await import("./hostingCommand")).hostingCommand,
  },
  capital: {
    usage: ["samkalk capital --plan <investeringar.csv> --rate <procent> [--volume <år>=<volym>]... [--service \"<tjänst>\" [--unit <enhet>]] [--json]"],
    load: async () => (await import("./capitalCommand")).capitalCommand,
  },
  invoice: {
    usage: ["samkalk invoice <modell.xlsx> --year <ÅÅÅÅ> --period <Q1|Q2|Q3|Q4|H1|H2> -o <mapp> [--format xlsx|csv]"],
    load: async () => (await import("./invoiceCommand")).invoiceCommand,
  },
};

const EXIT_CODES = "Slutkoder: 0 klart (check, fee, reconcile, bridge: inga avvikelser), 1 avvikelser hittades, 2 fel i anrop eller indata.";

const usageLines = (usage: readonly string[]) => usage.map((line, i) => (i === 0 ? `  ${line}` : `                 ${line}`)).join("\n");

export const USAGE = `Samkalk – exakt kostnadsfördelning och avtalsuppföljning

Användning:
${Object.values(COMMANDS).map((c) => usageLines(c.usage)).join("\n")}

${EXIT_CODES}`;

/** Runs one CLI invocation and returns its exit code; every error becomes Swedish text on stderr. */
export async function run(argv: string[], io: CliIO = nodeIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.stdout(USAGE);
    return command === undefined ? 2 : 0;
  }
  const handler = COMMANDS[command]?.load;
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
    io.stderr(`samkalk ${command}: ${describeError(error, command)}`);
    return 2;
  }
}

/** The usage of one command, with the exit codes. */
export function commandUsage(command: string): string {
  return `Användning:\n${usageLines(COMMANDS[command].usage)}\n\n${EXIT_CODES}`;
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

function describeError(error: unknown, command: string): string {
  if (isDomainError(error)) return locatedMessage(error as DomainError);
  if (error instanceof UsageError) return `${error.message}\n\n${commandUsage(command)}`;
  const code = (error as { code?: string }).code;
  if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) return `${translateArgsError(error as Error)}\n\n${commandUsage(command)}`;
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
