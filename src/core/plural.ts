/** "1 rad", "5 rader", "12 345 transaktioner": a count with the Swedish word in the right number. */
export function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString("sv-SE")} ${n === 1 ? one : many}`;
}
