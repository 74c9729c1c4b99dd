// The named conditions as a graph of references: its strongly connected components, the cycles
// through them and how deep each condition nests, in time linear in the conditions and references.
import type { Condition } from '../types.js';

/** How many conditions of a cycle get the cycle spelt out (the rest are past the diagnostics a file lists). */
const MAX_CYCLES_SPELT = 200;

/** The named conditions' references to each other, and the strongly connected components they form. */
export interface ReferenceGraph {
  /** Each name's references to named conditions that exist, each once. */
  refs: Map<string, string[]>;
  /** Each name's component. */
  component: Map<string, number>;
  /** Each component's number of names. */
  sizes: number[];
  /** The names as their components were completed: a name comes after every name it refers to outside its own component. */
  order: string[];
}

/**
 * The reference graph of the named conditions and its strongly connected components (Tarjan's
 * algorithm with an explicit stack): linear in the conditions and their references whatever
 * their shape, and no deeper on the call stack however long a chain of references is.
 */
export function referenceGraph(conditions: Record<string, Condition>): ReferenceGraph {
  const names = Object.keys(conditions);
  const refs = new Map<string, string[]>();
  for (const name of names) refs.set(name, [...new Set(references(conditions[name]!))].filter((r) => Object.hasOwn(conditions, r)));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const sizes: number[] = [];
  const order: string[] = [];
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  const enter = (name: string): void => {
    index.set(name, counter);
    low.set(name, counter++);
    stack.push(name);
    onStack.add(name);
  };
  for (const root of names) {
    if (index.has(root)) continue;
    enter(root);
    const frames: { name: string; next: number }[] = [{ name: root, next: 0 }];
    while (frames.length > 0) {
      const frame = frames.at(-1)!;
      const out = refs.get(frame.name)!;
      if (frame.next < out.length) {
        const ref = out[frame.next++]!;
        if (!index.has(ref)) {
          enter(ref);
          frames.push({ name: ref, next: 0 });
        } else if (onStack.has(ref)) {
          low.set(frame.name, Math.min(low.get(frame.name)!, index.get(ref)!));
        }
        continue;
      }
      frames.pop();
      const parent = frames.at(-1);
      if (parent) low.set(parent.name, Math.min(low.get(parent.name)!, low.get(frame.name)!));
      if (low.get(frame.name) !== index.get(frame.name)) continue;
      const id = sizes.length;
      let size = 0;
      for (;;) {
        const member = stack.pop()!;
        onStack.delete(member);
        component.set(member, id);
        order.push(member);
        size++;
        if (member === frame.name) break;
      }
      sizes.push(size);
    }
  }
  return { refs, component, sizes, order };
}

/** True for a name that refers back to itself, directly or through others. */
export function onCycle(graph: ReferenceGraph, name: string): boolean {
  return graph.sizes[graph.component.get(name)!]! > 1 || graph.refs.get(name)!.includes(name);
}

/**
 * Every named condition that refers to itself through others (in the order of the file), with
 * the shortest such cycle from it back to it: found by a breadth-first search inside its
 * component, for the first MAX_CYCLES_SPELT of them only (the others name their component's
 * size instead), so that the work stays bounded whatever the shape of the references.
 */
export function conditionCycles(conditions: Record<string, Condition>, graph: ReferenceGraph): Map<string, string[]> {
  const { refs, component, sizes } = graph;
  const cycles = new Map<string, string[]>();
  let spelt = 0;
  for (const name of Object.keys(conditions)) {
    if (!onCycle(graph, name)) continue;
    const id = component.get(name)!;
    if (spelt++ >= MAX_CYCLES_SPELT) {
      cycles.set(name, [name, `… (${sizes[id]} conditions)`, name]);
      continue;
    }
    if (refs.get(name)!.includes(name)) {
      cycles.set(name, [name, name]);
      continue;
    }
    const cameFrom = new Map<string, string>();
    const queue = [name];
    let last: string | undefined;
    for (let head = 0; head < queue.length && last === undefined; head++) {
      const at = queue[head]!;
      for (const ref of refs.get(at)!) {
        if (ref === name) {
          last = at;
          break;
        }
        if (component.get(ref) !== id || cameFrom.has(ref)) continue;
        cameFrom.set(ref, at);
        queue.push(ref);
      }
    }
    const back: string[] = [];
    for (let at = last!; at !== name; at = cameFrom.get(at)!) back.push(at);
    cycles.set(name, [name, ...back.reverse(), name]);
  }
  return cycles;
}

/** The deepest a condition may nest, each named condition it uses counted with its own depth. */
export const MAX_CONDITION_DEPTH = 500;

/**
 * How deep a condition nests once its named conditions are followed: all, any and not each add a
 * level, a comparison is one. Named conditions are measured once each, every name after those it
 * refers to (the graph's order), so a long chain of names costs its length and no call stack; a
 * reference into a cycle counts as one level (the cycle is an error of its own).
 */
export function conditionDepths(conditions: Record<string, Condition>, graph: ReferenceGraph): (condition: Condition) => number {
  const named = new Map<string, number>();
  const depth = (condition: Condition): number => {
    if ('all' in condition) return 1 + condition.all.reduce((most, c) => Math.max(most, depth(c)), 0);
    if ('any' in condition) return 1 + condition.any.reduce((most, c) => Math.max(most, depth(c)), 0);
    if ('not' in condition) return 1 + depth(condition.not);
    if ('condition' in condition) return 1 + (named.get(condition.condition) ?? 0);
    return 1;
  };
  for (const name of graph.order) named.set(name, onCycle(graph, name) ? 0 : depth(conditions[name]!));
  return depth;
}

/** A cycle as a message shows it: every name when it is short, else its two ends around "…" and its length. */
export function cycleText(cycle: readonly string[]): string {
  if (cycle.length <= 12) return cycle.join(' → ');
  return `${[...cycle.slice(0, 6), '…', ...cycle.slice(-5)].join(' → ')} (${cycle.length - 1} conditions)`;
}

function references(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(references);
  if ('any' in condition) return condition.any.flatMap(references);
  if ('not' in condition) return references(condition.not);
  if ('condition' in condition) return [condition.condition];
  return [];
}

