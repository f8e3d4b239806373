/**
 * What a rater scores: the rubric's scored units. A node with points and no points below it is one unit (an item;
 * or, when it has children without points, the indicator scored as a whole: Y-EVAL-HOLISTIC, Rubric A's 二级
 * indicators); items that share a merged cell are one unit with the cell's points (Y-EVAL-MERGED, Rubric B 5+6 and
 * 7+8). A deduction written on any node the unit covers applies within the unit (R3-B03).
 */
import type { DeductionRule, EvaluationForm, Rubric, RubricFinding, RubricNode, VetoRule } from './types';

export interface ScoreUnit {
  /** The node's id, or the score group's. */
  id: string;
  kind: 'item' | 'group' | 'indicator';
  title: string;
  max: number;
  /** The nodes the unit covers (itself and what is below it, or the group's members). */
  nodeIds: string[];
  /** The 一级 indicator the unit counts towards. */
  sectionId: string;
  /** Ids from the 一级 indicator down, joined by " › ". */
  path: string;
  form?: EvaluationForm;
  departments: string[];
  deduction?: DeductionRule;
  /** The live metrics declared on the nodes the unit covers; `whole` when declared on the unit's own node. */
  metrics?: { key: string; nodeId: string; whole: boolean }[];
}

export interface RubricUnits {
  units: ScoreUnit[];
  vetoes: VetoRule[];
  /** Nodes the units cannot place (an item without points and no scored node above it, …). */
  problems: RubricFinding[];
}

function hasPointsBelow(node: RubricNode): boolean {
  return (node.children ?? []).some(
    (c) => c.points !== undefined || c.scoreGroup !== undefined || hasPointsBelow(c),
  );
}

function descendants(node: RubricNode): RubricNode[] {
  return [node, ...(node.children ?? []).flatMap(descendants)];
}

export function nodeLabel(node: RubricNode): string {
  if (node.title) return node.title;
  const text = node.text ?? '';
  return text.length > 16 ? `${text.slice(0, 16)}…` : text;
}

/** Every node with its path and its 一级 indicator, in document order. */
export function walkRubric(
  rubric: Rubric,
): { node: RubricNode; path: string; sectionId: string; depth: number }[] {
  const out: { node: RubricNode; path: string; sectionId: string; depth: number }[] = [];
  const visit = (node: RubricNode, path: string, sectionId: string, depth: number) => {
    out.push({ node, path, sectionId, depth });
    for (const c of node.children ?? []) visit(c, `${path} › ${c.id}`, sectionId, depth + 1);
  };
  for (const n of rubric.nodes) visit(n, n.id, n.id, 1);
  return out;
}

// Rubrics are values (a new version is a new object), so a rubric's units are derived once: a campaign scores
// thousands of entries against the same rubric.
const derived = new WeakMap<Rubric, RubricUnits>();

/** The rubric's scored units, vetoes and placement problems; the result is shared: treat it as read-only. */
export function rubricUnits(rubric: Rubric): RubricUnits {
  const known = derived.get(rubric);
  if (known) return known;
  const result = deriveUnits(rubric);
  derived.set(rubric, result);
  return result;
}

function deriveUnits(rubric: Rubric): RubricUnits {
  const units: ScoreUnit[] = [];
  const problems: RubricFinding[] = [];
  const groups = new Map(rubric.scoreGroups.map((g) => [g.id, g]));
  const groupUnits = new Map<string, ScoreUnit>();

  const addDeduction = (unit: ScoreUnit, node: RubricNode, path: string) => {
    if (!node.deduction) return;
    if (unit.deduction && unit.deduction !== node.deduction) {
      problems.push({
        severity: 'error',
        code: 'DEDUCTION_TWICE',
        message: `评分单元「${unit.title}」内有两条扣分规则，无法确定按哪一条扣分`,
        path,
        values: { unit: unit.id, nodes: [unit.id, node.id], label: unit.title },
      });
      return;
    }
    unit.deduction = node.deduction;
  };

  const visit = (node: RubricNode, path: string, sectionId: string) => {
    if (node.scoreGroup !== undefined) {
      const group = groups.get(node.scoreGroup);
      if (!group) {
        problems.push({
          severity: 'error',
          code: 'GROUP_UNKNOWN',
          message: `「${nodeLabel(node)}」所属的合并评分格 ${node.scoreGroup} 不存在`,
          path,
          values: { group: node.scoreGroup, label: nodeLabel(node) },
        });
        return;
      }
      let unit = groupUnits.get(group.id);
      if (!unit) {
        unit = {
          id: group.id,
          kind: 'group',
          title: group.title,
          max: group.points,
          nodeIds: [],
          sectionId,
          path: path.slice(0, Math.max(0, path.lastIndexOf(' › '))) || path,
          ...(group.form ? { form: group.form } : {}),
          departments: [],
        };
        groupUnits.set(group.id, unit);
        units.push(unit);
      }
      for (const d of descendants(node)) {
        unit.nodeIds.push(d.id);
        addDeduction(unit, d, path);
      }
      for (const dep of node.departments) if (!unit.departments.includes(dep)) unit.departments.push(dep);
      return;
    }
    if (node.points !== undefined && !hasPointsBelow(node)) {
      const covered = descendants(node);
      const unit: ScoreUnit = {
        id: node.id,
        kind: node.children && node.children.length > 0 ? 'indicator' : 'item',
        title: nodeLabel(node),
        max: node.points,
        nodeIds: covered.map((d) => d.id),
        sectionId,
        path,
        ...(node.form ? { form: node.form } : {}),
        departments: [...new Set(covered.flatMap((d) => d.departments))],
      };
      for (const d of covered) addDeduction(unit, d, path);
      const metrics = covered.flatMap((d) =>
        d.metric ? [{ key: d.metric, nodeId: d.id, whole: d.id === node.id }] : [],
      );
      if (metrics.length > 0) unit.metrics = metrics;
      units.push(unit);
      return;
    }
    if (!node.children || node.children.length === 0) {
      problems.push({
        severity: 'error',
        code: 'ITEM_UNSCORED',
        message: `「${nodeLabel(node)}」没有分值，上级指标也不是整体评分，无法评分`,
        path,
        values: { node: node.id, label: nodeLabel(node) },
      });
      return;
    }
    for (const c of node.children) visit(c, `${path} › ${c.id}`, sectionId);
  };
  for (const n of rubric.nodes) visit(n, n.id, n.id);

  const vetoes = walkRubric(rubric).flatMap(({ node }) => (node.veto ? [node.veto] : []));
  return { units, vetoes, problems };
}
