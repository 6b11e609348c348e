import { dirname, join } from "node:path";

/**
 * HyperFormula 3.5 keeps each vertex's dependents in an array and, before adding an edge, asks
 * `array.includes(to)`: a cell that every row reads ($E$2 in ROUND(B2/$E$2*…) down 100 000 rows)
 * makes building the graph quadratic, 8,8 s of a 10,7 s build. This gives the engine's Graph
 * class a Set beside each long array, kept in step with every method that changes the array
 * (add, remove, compact), so the question is O(1); the arrays, their order and everything that
 * reads them are unchanged. Node only (the CLI's recalc): it patches the CommonJS build the
 * `require` of "hyperformula" loads.
 */
type Graph = { edgesSparseArray: (number | undefined)[][]; getNodeIdIfNotNumber(n: unknown): number | undefined };
type GraphClass = { prototype: Graph & Record<string, (...args: unknown[]) => unknown> };

const LONG = 32;
let patched = false;

export function fastEngineEdges(): void {
  if (patched) return;
  patched = true;
  const root = dirname(require.resolve("hyperformula"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Graph } = require(join(root, "DependencyGraph", "Graph.js")) as { Graph: GraphClass };
  const sets = new WeakMap<(number | undefined)[], Set<number>>();
  const setOf = (edges: (number | undefined)[]): Set<number> => {
    let set = sets.get(edges);
    if (!set) {
      set = new Set();
      for (const id of edges) if (id !== undefined) set.add(id);
      sets.set(edges, set);
    }
    return set;
  };
  const proto = Graph.prototype;
  const has = (graph: Graph, from: number, to: number): boolean => {
    const edges = graph.edgesSparseArray[from];
    return edges.length < LONG ? edges.includes(to) : setOf(edges).has(to);
  };
  const addEdge = proto.addEdge;
  proto.addEdge = function (this: Graph, fromNode: unknown, toNode: unknown) {
    const from = this.getNodeIdIfNotNumber(fromNode);
    const to = this.getNodeIdIfNotNumber(toNode);
    // Unknown nodes: the original throws its own error.
    if (from === undefined || to === undefined || this.edgesSparseArray[from] === undefined) return addEdge.call(this, fromNode, toNode);
    if (has(this, from, to)) return;
    const edges = this.edgesSparseArray[from];
    edges.push(to);
    sets.get(edges)?.add(to);
  };
  for (const name of ["removeEdge", "removeEdgeIfExists"]) {
    const original = proto[name];
    proto[name] = function (this: Graph, fromNode: unknown, toNode: unknown) {
      const result = original.call(this, fromNode, toNode);
      const from = this.getNodeIdIfNotNumber(fromNode);
      const to = this.getNodeIdIfNotNumber(toNode);
      if (from !== undefined && to !== undefined && this.edgesSparseArray[from]) sets.get(this.edgesSparseArray[from])?.delete(to);
      return result;
    };
  }
  const existsEdge = proto.existsEdge;
  proto.existsEdge = function (this: Graph, fromNode: unknown, toNode: unknown) {
    const from = (fromNode as { idInGraph?: number }).idInGraph;
    const to = (toNode as { idInGraph?: number }).idInGraph;
    if (from === undefined || to === undefined || !this.edgesSparseArray[from]) return existsEdge.call(this, fromNode, toNode);
    return has(this, from, to);
  };
}
