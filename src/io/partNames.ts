/**
 * Part names of an xlsx package (Open Packaging Conventions, ECMA-376 part 2): how a
 * relationship's target names a part, and where a part's relationships are kept.
 */

/** The part a relationship target names, resolved against the folder of the part holding it. */
export function resolveTarget(sourcePart: string, target: string): string {
  const parts = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const segment of target.replace(/^\/+/, "").split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

/** The relative target Excel writes from a part to another (`worksheets/sheet1.xml`, `../tables/table1.xml`). */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...Array<string>(from.length - common).fill(".."), ...to.slice(common)].join("/");
}

export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}
