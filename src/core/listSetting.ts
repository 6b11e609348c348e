/**
 * A list the product keeps in a document setting as JSON (the sheets of the last invoice run,
 * the sheets Samkalk has written, Tabellkoll's marks): the items that have the expected shape;
 * none when the text is missing or damaged (a co-author's older version, a hand edit), so a
 * damaged setting never stops a run.
 */
export function listSetting<T>(text: string | undefined, isItem: (item: unknown) => item is T): T[] {
  if (!text) return [];
  try {
    const list: unknown = JSON.parse(text);
    return Array.isArray(list) ? list.filter(isItem) : [];
  } catch {
    return [];
  }
}

/** An item that is text. */
export const isText = (item: unknown): item is string => typeof item === "string";
