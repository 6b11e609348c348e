import { CASES } from "./cases";

/** Runs one side of one case in this process and prints its measurement with peak memory. */
async function main(): Promise<void> {
  const [name, side] = process.argv.slice(2);
  const measurement = await CASES[name][side]();
  process.stdout.write(JSON.stringify({ ...measurement, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

void main();
