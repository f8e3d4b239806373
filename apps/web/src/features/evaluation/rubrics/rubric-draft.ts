/**
 * The rubric being edited, as plain immutable updates: a node is addressed by its index path from the root
 * (`[2, 0]` = the first child of the third 一级 indicator), so a duplicate id (an error the check reports) never
 * confuses the tree. Findings are placed on nodes by core's path of ids (`B-S3 › B10`).
 */
import type { RubricDocument, RubricFindingBody, RubricNodeInput } from '@yanxun/contracts';

export type NodePath = readonly number[];

export const keyOf = (path: NodePath) => `n-${path.join('-')}`;
export const pathOf = (key: string): NodePath => (key === 'n-' ? [] : key.slice(2).split('-').map(Number));

export function nodeAt(doc: RubricDocument, path: NodePath): RubricNodeInput | undefined {
  let nodes: readonly RubricNodeInput[] = doc.nodes;
  let node: RubricNodeInput | undefined;
  for (const i of path) {
    node = nodes[i];
    if (!node) return undefined;
    nodes = node.children ?? [];
  }
  return node;
}

/** Core's path of a node: its ids from the 一级 indicator down, joined by " › ". */
export function idPathOf(doc: RubricDocument, path: NodePath): string {
  const ids: string[] = [];
  let nodes: readonly RubricNodeInput[] = doc.nodes;
  for (const i of path) {
    const node = nodes[i];
    if (!node) break;
    ids.push(node.id);
    nodes = node.children ?? [];
  }
  return ids.join(' › ');
}

function mapAt(
  nodes: RubricNodeInput[],
  path: NodePath,
  fn: (siblings: RubricNodeInput[], i: number) => RubricNodeInput[],
): RubricNodeInput[] {
  const [i, ...rest] = path;
  if (i === undefined) return nodes;
  if (rest.length === 0) return fn(nodes, i);
  return nodes.map((n, k) => (k === i ? { ...n, children: mapAt(n.children ?? [], rest, fn) } : n));
}

/** The document with one node's fields replaced (undefined clears an optional field). */
export function updateNode(
  doc: RubricDocument,
  path: NodePath,
  patch: Partial<RubricNodeInput>,
): RubricDocument {
  return {
    ...doc,
    nodes: mapAt(doc.nodes, path, (siblings, i) =>
      siblings.map((n, k) => (k === i ? { ...n, ...patch } : n)),
    ),
  };
}

export function removeNode(doc: RubricDocument, path: NodePath): RubricDocument {
  const parent = path.slice(0, -1);
  const last = path[path.length - 1];
  if (last === undefined) return doc;
  if (parent.length === 0) return { ...doc, nodes: doc.nodes.filter((_, k) => k !== last) };
  const nodes = mapAt(doc.nodes, parent, (siblings, i) =>
    siblings.map((n, k) => {
      if (k !== i) return n;
      const children = (n.children ?? []).filter((_, c) => c !== last);
      return { ...n, children: children.length > 0 ? children : undefined };
    }),
  );
  return { ...doc, nodes };
}

/** An id no node or merged cell uses yet, after the parent's (`B-S3` → `B-S3.3`). */
export function freshId(doc: RubricDocument, parentId: string | undefined): string {
  const used = new Set<string>(doc.scoreGroups.map((g) => g.id));
  const walk = (ns: readonly RubricNodeInput[]) => {
    for (const n of ns) {
      used.add(n.id);
      walk(n.children ?? []);
    }
  };
  walk(doc.nodes);
  for (let k = 1; ; k++) {
    const id = parentId ? `${parentId}.${k}` : `S${k}`;
    if (!used.has(id)) return id;
  }
}

/** The document with a new node under `parent` (the root when empty), and the new node's path. */
export function addNode(
  doc: RubricDocument,
  parent: NodePath,
  title: string,
): { doc: RubricDocument; path: NodePath } {
  const node: RubricNodeInput = {
    id: freshId(doc, nodeAt(doc, parent)?.id),
    title,
    departments: [],
    evidence: [],
    source: '',
  };
  if (parent.length === 0) return { doc: { ...doc, nodes: [...doc.nodes, node] }, path: [doc.nodes.length] };
  const at = (nodeAt(doc, parent)?.children ?? []).length;
  const nodes = mapAt(doc.nodes, parent, (siblings, i) =>
    siblings.map((n, k) => (k === i ? { ...n, children: [...(n.children ?? []), node] } : n)),
  );
  return { doc: { ...doc, nodes }, path: [...parent, at] };
}

/** Findings by core's node path (a rubric-level finding sits under the rubric's id). */
export function findingsByPath(findings: RubricFindingBody[]): Map<string, RubricFindingBody[]> {
  const out = new Map<string, RubricFindingBody[]>();
  for (const f of findings) out.set(f.path, [...(out.get(f.path) ?? []), f]);
  return out;
}

/** A node's label as core writes it: its name, else the start of its text. */
export function labelOf(node: RubricNodeInput): string {
  if (node.title) return node.title;
  const text = node.text ?? '';
  return text.length > 16 ? `${text.slice(0, 16)}…` : text || node.id;
}
