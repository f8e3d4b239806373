/**
 * The checks of a rubric before anyone scores with it: points that do not add up (warnings: the document is kept
 * as printed and the officer chooses a normalisation, Y-EVAL-NORMALISE), and shapes the scoring cannot use
 * (errors). Messages are plain Chinese without rule IDs; the numbers are in `values`.
 */
import { fmt, tenthsOf } from './arithmetic';
import type { Rubric, RubricFinding, RubricNode } from './types';
import { nodeLabel, rubricUnits, walkRubric } from './units';

/** The points a node's children add up to (a merged cell counted once), or undefined when none carries points. */
function childSum(rubric: Rubric, node: RubricNode): number | undefined {
  const children = node.children ?? [];
  let sum = 0;
  let any = false;
  const seenGroups = new Set<string>();
  for (const c of children) {
    if (c.scoreGroup !== undefined) {
      const g = rubric.scoreGroups.find((x) => x.id === c.scoreGroup);
      if (g && !seenGroups.has(g.id)) {
        seenGroups.add(g.id);
        sum += g.points;
        any = true;
      }
    } else if (c.points !== undefined) {
      sum += c.points;
      any = true;
    } else {
      const below = childSum(rubric, c);
      if (below !== undefined) {
        sum += below;
        any = true;
      }
    }
  }
  return any ? Math.round(sum * 10) / 10 : undefined;
}

/** The total the rubric declares: its stated total, else the sum of its 一级 indicators' points. */
export function declaredTotalOf(rubric: Rubric): number | undefined {
  if (rubric.declaredTotal !== undefined) return rubric.declaredTotal;
  if (rubric.nodes.some((n) => n.points === undefined)) return undefined;
  return Math.round(rubric.nodes.reduce((s, n) => s + (n.points ?? 0), 0) * 10) / 10;
}

export function checkRubric(rubric: Rubric): RubricFinding[] {
  const findings: RubricFinding[] = [];
  const walked = walkRubric(rubric);

  const seen = new Map<string, string>();
  for (const [id, path] of [
    ...walked.map((w) => [w.node.id, w.path] as const),
    ...rubric.scoreGroups.map((g) => [g.id, `合并评分格 ${g.id}`] as const),
  ]) {
    const first = seen.get(id);
    if (first !== undefined)
      findings.push({
        severity: 'error',
        code: 'DUPLICATE_ID',
        message: `编号 ${id} 重复使用`,
        path,
        values: { id, first },
      });
    else seen.set(id, path);
  }

  for (const { node, path } of walked) {
    for (const [what, points, of] of [
      ['分值', node.points, 'points'],
      ['扣分', node.deduction?.points, 'deduction'],
    ] as const) {
      if (points === undefined) continue;
      if (points < 0)
        findings.push({
          severity: 'error',
          code: 'NEGATIVE_POINTS',
          message: `「${nodeLabel(node)}」的${what}为负数（${fmt(points)}）`,
          path,
          values: { points, label: nodeLabel(node), of },
        });
      else if (tenthsOf(points) === undefined)
        findings.push({
          severity: 'error',
          code: 'POINTS_PRECISION',
          message: `「${nodeLabel(node)}」的${what}超过一位小数（${points}）`,
          path,
          values: { points, label: nodeLabel(node), of },
        });
    }
    if (!node.title && !node.text)
      findings.push({
        severity: 'error',
        code: 'EMPTY_INDICATOR',
        message: `指标 ${node.id} 没有名称也没有内容`,
        path,
        values: { node: node.id },
      });
    else if (!node.text && (!node.children || node.children.length === 0))
      findings.push({
        severity: 'error',
        code: 'EMPTY_INDICATOR',
        message: `指标「${nodeLabel(node)}」下没有任何评价内容`,
        path,
        values: { node: node.id, label: nodeLabel(node) },
      });
    if (node.deduction && node.deduction.floor === undefined)
      findings.push({
        severity: 'warning',
        code: 'DEDUCTION_WITHOUT_FLOOR',
        message: `「${nodeLabel(node)}」的扣分没有下限，扣分可能使本项得分低于 0 分`,
        path,
        values: { points: node.deduction.points, rule: node.deduction.ruleId, label: nodeLabel(node) },
      });
    if (node.points !== undefined && node.children && node.children.length > 0) {
      const sum = childSum(rubric, node);
      if (sum !== undefined && sum !== node.points)
        findings.push({
          severity: 'warning',
          code: 'SECTION_SUM_MISMATCH',
          message: `「${nodeLabel(node)}」标注 ${fmt(node.points)} 分，所列各项合计 ${fmt(sum)} 分`,
          path,
          values: {
            declared: node.points,
            sum,
            difference: Math.round((sum - node.points) * 10) / 10,
            label: nodeLabel(node),
          },
        });
    }
  }

  for (const g of rubric.scoreGroups) {
    const members = walked.filter((w) => w.node.scoreGroup === g.id);
    const parents = new Set(members.map((m) => m.path.slice(0, m.path.lastIndexOf(' › '))));
    if (members.length === 0)
      findings.push({
        severity: 'error',
        code: 'GROUP_EMPTY',
        message: `合并评分格「${g.title}」没有包含任何项目`,
        path: `合并评分格 ${g.id}`,
        values: { group: g.id, groupTitle: g.title },
      });
    else if (parents.size > 1)
      findings.push({
        severity: 'error',
        code: 'GROUP_SPLIT',
        message: `合并评分格「${g.title}」的项目分属不同指标`,
        path: `合并评分格 ${g.id}`,
        values: { group: g.id, parents: [...parents], groupTitle: g.title },
      });
    if (g.points < 0)
      findings.push({
        severity: 'error',
        code: 'NEGATIVE_POINTS',
        message: `合并评分格「${g.title}」的分值为负数（${fmt(g.points)}）`,
        path: `合并评分格 ${g.id}`,
        values: { points: g.points, groupTitle: g.title },
      });
    for (const m of members)
      if (m.node.points !== undefined)
        findings.push({
          severity: 'error',
          code: 'GROUP_ITEM_POINTS',
          message: `「${nodeLabel(m.node)}」属于合并评分格「${g.title}」，不应再有自己的分值`,
          path: m.path,
          values: { group: g.id, points: m.node.points, groupTitle: g.title, label: nodeLabel(m.node) },
        });
  }

  const { units, problems } = rubricUnits(rubric);
  findings.push(...problems);
  const itemTotal = Math.round(units.reduce((s, u) => s + u.max, 0) * 10) / 10;
  const declared = declaredTotalOf(rubric);
  const sectionSum = rubric.nodes.every((n) => n.points !== undefined)
    ? Math.round(rubric.nodes.reduce((s, n) => s + (n.points ?? 0), 0) * 10) / 10
    : undefined;
  if (rubric.declaredTotal !== undefined && sectionSum !== undefined && sectionSum !== rubric.declaredTotal)
    findings.push({
      severity: 'warning',
      code: 'DECLARED_TOTAL_MISMATCH',
      message: `评价标准标注总分 ${fmt(rubric.declaredTotal)} 分，各一级指标标注合计 ${fmt(sectionSum)} 分`,
      path: rubric.id,
      values: { declaredTotal: rubric.declaredTotal, sectionSum },
    });
  if (declared !== undefined && declared !== itemTotal)
    findings.push({
      severity: 'warning',
      code: 'TOTAL_MISMATCH',
      message: `各项分值合计 ${fmt(itemTotal)} 分，标注总分 ${fmt(declared)} 分，需选择按哪个满分计分`,
      path: rubric.id,
      values: { itemTotal, declared },
    });

  const bands = rubric.bands.value;
  if (!bands.some((b) => b.minPercent === 0) || bands.some((b) => b.minPercent < 0 || b.minPercent > 100))
    findings.push({
      severity: 'error',
      code: 'BANDS',
      message: '等次划分须在 0–100% 之间，并有一个从 0% 起的最低等次',
      path: rubric.id,
      values: { bands: bands.map((b) => [b.label, b.minPercent]) },
    });
  return findings;
}
