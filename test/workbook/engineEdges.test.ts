import { dirname, join } from "node:path";
import { HyperFormula } from "hyperformula";
import { fastEngineEdges } from "../../src/workbook/engineEdges";

/**
 * The patch that gives HyperFormula's dependency graph a Set beside each long list of dependents.
 * It must change nothing the engine sees: the same edges, once each, after any mix of additions
 * and removals, and the same values.
 */
type Node = { idInGraph?: number };
interface Graph {
  edgesSparseArray: (number | undefined)[][];
  addNodeIfNotExists(node: Node): number;
  addEdge(from: Node | number, to: Node | number): void;
  removeEdge(from: Node | number, to: Node | number): void;
  removeEdgeIfExists(from: Node | number, to: Node | number): void;
  existsEdge(from: Node, to: Node): boolean;
  adjacentNodesCount(node: Node): number;
  removeNode(node: Node): unknown;
}
// The class the patch changes: the CommonJS build that `require("hyperformula")` loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Graph } = require(join(dirname(require.resolve("hyperformula")), "DependencyGraph", "Graph.js")) as { Graph: { new (query: (n: Node) => unknown[]): Graph; prototype: Graph } };

const unpatched = Graph.prototype.addEdge;
beforeAll(() => fastEngineEdges());

/** A cell read by `count` others: one node with that many dependents, past the patch's threshold of 32. */
function fan(count: number) {
  const graph = new Graph(() => []);
  const source: Node = {};
  graph.addNodeIfNotExists(source);
  const targets = Array.from({ length: count }, () => {
    const node: Node = {};
    graph.addNodeIfNotExists(node);
    graph.addEdge(source, node);
    return node;
  });
  const listed = () => graph.edgesSparseArray[source.idInGraph!].filter((id) => id !== undefined);
  return { graph, source, targets, listed };
}

describe("the dependency graph with fast edges", () => {
  it("patches the class the engine builds its graph from, once however often it is asked", () => {
    expect(Graph.prototype.addEdge).not.toBe(unpatched);
    expect((HyperFormula.buildEmpty({ licenseKey: "gpl-v3" }) as unknown as { dependencyGraph: { graph: unknown } }).dependencyGraph.graph).toBeInstanceOf(Graph);
    const patched = Graph.prototype.addEdge;
    fastEngineEdges();
    expect(Graph.prototype.addEdge).toBe(patched);
  });

  it("adds 100 000 dependents to one cell in linear time (unpatched: about 5·10⁹ comparisons, seconds)", () => {
    const started = Date.now();
    expect(fan(100_000).listed()).toHaveLength(100_000);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("keeps each edge once when the same edge is added again, by node or by id", () => {
    const { graph, source, targets, listed } = fan(100);
    for (const t of targets) graph.addEdge(source, t);
    for (const t of targets) graph.addEdge(source.idInGraph!, t.idInGraph!);
    expect(listed()).toEqual(targets.map((t) => t.idInGraph));
  });

  it("forgets a removed edge, and takes it back when it is added again", () => {
    const { graph, source, targets, listed } = fan(100);
    graph.removeEdge(source, targets[40]);
    graph.removeEdgeIfExists(source, targets[41]);
    expect([graph.existsEdge(source, targets[40]), graph.existsEdge(source, targets[41]), graph.existsEdge(source, targets[42])]).toEqual([false, false, true]);
    expect(listed()).toHaveLength(98);
    graph.addEdge(source, targets[40]);
    expect(graph.existsEdge(source, targets[40])).toBe(true);
    expect(listed().filter((id) => id === targets[40].idInGraph)).toHaveLength(1);
    expect(() => graph.removeEdge(source, targets[41])).toThrow("Edge does not exist");
  });

  it("stays right after the engine compacts a list into a new array", () => {
    const { graph, source, targets } = fan(64);
    graph.removeNode(targets[0]);
    expect(graph.adjacentNodesCount(source)).toBe(63); // compacts: the removed node's id leaves the list
    graph.addEdge(source, targets[1]);
    expect(graph.adjacentNodesCount(source)).toBe(63);
    graph.removeEdge(source, targets[2]);
    expect([graph.existsEdge(source, targets[2]), graph.existsEdge(source, targets[3])]).toEqual([false, true]);
  });

  it("gives an engine the same values as before through formulas removed and written again over a shared cell", () => {
    // 200 rows of ROUND(B/$E$1*100; 2), all reading E1: far more dependents than the threshold.
    const rows = Array.from({ length: 200 }, (_, i) => [i + 1, `=ROUND(A${i + 1}/$E$1*100,2)`, null, null, i === 0 ? 3 : null]);
    const hf = HyperFormula.buildFromArray(rows, { licenseKey: "gpl-v3" });
    const columnB = () => rows.map((_, r) => hf.getCellValue({ sheet: 0, row: r, col: 1 }));
    expect(columnB()[0]).toBe(33.33); // 1 / 3 × 100
    for (let r = 0; r < 200; r += 2) hf.setCellContents({ sheet: 0, row: r, col: 1 }, [[0]]);
    for (let r = 0; r < 200; r += 2) hf.setCellContents({ sheet: 0, row: r, col: 1 }, [[`=ROUND(A${r + 1}/$E$1*100,2)`]]);
    hf.setCellContents({ sheet: 0, row: 0, col: 4 }, [[8]]);
    expect(columnB()).toEqual(rows.map((_, r) => Math.round(((r + 1) / 8) * 100 * 100) / 100));
  });
});
