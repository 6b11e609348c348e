/**
 * A plain decimal string ("-1234567.5") as Swedish text ("-1 234 567,5"): non-breaking space
 * between thousands, decimal comma. String in, string out, with no imports, so that every module
 * of the core (money.ts included) can write numbers in its messages the way users read them.
 */
export function swedishDigits(plain: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(plain);
  if (!m) return plain;
  const grouped = m[2].replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return `${m[1]}${grouped}${m[3] ? `,${m[3]}` : ""}`;
}

/** Any exact number (decimal.js, bigint or a safe integer) in a message. */
export function sv(value: { toFixed(): string } | bigint | number): string {
  return swedishDigits(typeof value === "bigint" ? value.toString() : typeof value === "number" ? String(value) : value.toFixed());
}
