import { Amount } from "../core/money";
import { formatAmount } from "../core/numberText";

export interface ChartSeries {
  name: string;
  /** One value per category (year); null where there is none. */
  values: (Amount | null)[];
}

export interface LineChartSpec {
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** Unit shown on the y axis, e.g. "kr/invånare". */
  unit: string;
  width?: number;
  height?: number;
}

const COLORS = ["#0f6cbd", "#c50f1f", "#107c10", "#8764b8", "#ca5010", "#038387", "#986f0b", "#4f6bed"];

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

/** Pixel coordinates only, two decimals in SVG text: positions are drawn in floats, amounts never are. */
const px = (v: number) => (Math.round(v * 100) / 100).toString();

/**
 * A line chart as SVG text: one line per series (member), categories (years) along the x axis,
 * a y axis from 0 to a round maximum with Swedish tick labels. Pure, so it can be tested as text
 * and shown both on the standalone page and in the pane. Values are drawn, not computed: the
 * exact figures are in the table beside it.
 */
export function lineChartSvg(spec: LineChartSpec): string {
  const width = spec.width ?? 640;
  const height = spec.height ?? 360;
  const left = 72;
  const right = 150;
  const top = 40;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const all = spec.series.flatMap((s) => s.values.filter((v): v is Amount => v !== null).map((v) => Number(v.toString())));
  const rawMax = Math.max(0, ...all);
  const step = niceStep(rawMax / 4 || 1);
  const max = Math.max(step, Math.ceil(rawMax / step) * step);
  const n = spec.categories.length;
  const x = (i: number) => left + (n <= 1 ? plotW / 2 : (plotW * i) / (n - 1));
  const y = (v: number) => top + plotH - (plotH * v) / max;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(spec.title)}" font-family="Segoe UI, sans-serif" font-size="12">`);
  out.push(`<title>${escapeXml(spec.title)}</title>`);
  out.push(`<text x="${left}" y="20" font-size="14" font-weight="600">${escapeXml(spec.title)}</text>`);
  // Ticks as whole multiples of the step, labelled exactly (0,1 0,2 … for a step below 1 krona).
  const tick = new Amount(step);
  for (let k = 0; k * step <= max + step / 2; k++) {
    const t = k * step;
    out.push(`<line x1="${left}" x2="${left + plotW}" y1="${px(y(t))}" y2="${px(y(t))}" stroke="#e0e0e0"/>`);
    out.push(`<text x="${left - 6}" y="${px(y(t) + 4)}" text-anchor="end">${escapeXml(formatAmount(tick.times(k), { decimals: tick.decimalPlaces() }))}</text>`);
  }
  out.push(`<text x="12" y="${px(top + plotH / 2)}" transform="rotate(-90 12 ${px(top + plotH / 2)})" text-anchor="middle">${escapeXml(spec.unit)}</text>`);
  spec.categories.forEach((c, i) => out.push(`<text x="${px(x(i))}" y="${height - bottom + 18}" text-anchor="middle">${escapeXml(c)}</text>`));
  spec.series.forEach((s, k) => {
    const color = COLORS[k % COLORS.length];
    const points = s.values.map((v, i) => (v === null ? null : `${px(x(i))},${px(y(Number(v.toString())))}`));
    const segments: string[][] = [[]];
    for (const p of points) {
      if (p === null) segments.push([]);
      else segments[segments.length - 1].push(p);
    }
    for (const seg of segments.filter((g) => g.length > 0)) {
      out.push(`<polyline data-series="${escapeXml(s.name)}" fill="none" stroke="${color}" stroke-width="2" points="${seg.join(" ")}"/>`);
    }
    s.values.forEach((v, i) => {
      if (v !== null) out.push(`<circle cx="${px(x(i))}" cy="${px(y(Number(v.toString())))}" r="3" fill="${color}"><title>${escapeXml(`${s.name} ${spec.categories[i]}: ${formatAmount(v, { decimals: 2 })} ${spec.unit}`)}</title></circle>`);
    });
    out.push(`<rect x="${left + plotW + 16}" y="${top + k * 20}" width="12" height="12" fill="${color}"/>`);
    out.push(`<text x="${left + plotW + 34}" y="${top + k * 20 + 10}">${escapeXml(s.name)}</text>`);
  });
  out.push("</svg>");
  return out.join("\n");
}

/** 1, 2 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const f of [1, 2, 5, 10]) if (f * power >= raw) return f * power;
  return 10 * power;
}
