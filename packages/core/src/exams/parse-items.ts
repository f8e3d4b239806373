/** The item sheet: `item_id,max_score[,type,knowledge_point,ability_level]`, checked row by row. */
import { IDENTIFIER_RULES as R, shownValue } from '../identifiers';
import type { ExamInputError, ItemSpec, ItemType } from './model';
import {
  Collector,
  cellText,
  findColumns,
  headerIndex,
  isBlank,
  parseDecimal,
  rowNumber,
  type SheetCells,
} from './parse-cells';

function parseItemType(t: string): ItemType | null | undefined {
  if (t === '') return null;
  const l = t.toLowerCase();
  if (l === 'objective' || t === '客观' || t === '客观题') return 'objective';
  if (l === 'subjective' || t === '主观' || t === '主观题') return 'subjective';
  return undefined;
}

export function splitLabels(t: string): string[] {
  return t
    .split(/[;；、|]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** items.csv: `item_id,max_score[,type,knowledge_point,ability_level]`. */
export function readItemSheet(sheet: SheetCells): { items: ItemSpec[]; errors: ExamInputError[] } {
  const out = new Collector('items');
  const items: ItemSpec[] = [];
  const h = headerIndex(sheet.records);
  if (h < 0) {
    out.add(1, null, null, 'EMPTY_FILE', '题目表是空的：第一行应为表头 item_id,max_score');
    return { items, errors: out.errors };
  }
  const header = sheet.records[h] ?? [];
  const cols = findColumns(header, ['item_id', 'max_score', 'type', 'knowledge_point', 'ability_level']);
  const headRow = rowNumber(sheet, h);
  for (const need of ['item_id', 'max_score']) {
    if (!cols.index.has(need)) out.add(headRow, need, null, 'MISSING_COLUMN', `题目表缺少列 ${need}`);
  }
  if (out.errors.length) return { items, errors: out.errors };
  const ci = (k: string) => cols.index.get(k) ?? -1;
  const seen = new Map<string, number>();
  for (let i = h + 1; i < sheet.records.length; i++) {
    const rec = sheet.records[i] ?? [];
    if (!rec.some((c) => !isBlank(c))) continue;
    const row = rowNumber(sheet, i);
    const id = cellText(rec[ci('item_id')]);
    const rawMax = rec[ci('max_score')];
    if (id === '') {
      out.add(row, 'item_id', null, 'REQUIRED', `第 ${row} 行：题号 item_id 不能为空`);
      continue;
    }
    if (!out.format(row, 'item_id', id, R.itemId, 'ITEM_ID_FORMAT')) continue;
    const prev = seen.get(id);
    if (prev !== undefined) {
      out.add(row, 'item_id', id, 'DUPLICATE_ITEM', `第 ${row} 行：题号 ${id} 与第 ${prev} 行重复`);
      continue;
    }
    seen.set(id, row);
    const max = parseDecimal(rawMax);
    if (Number.isNaN(max)) {
      out.add(
        row,
        'max_score',
        rawMax,
        'NOT_A_NUMBER',
        `第 ${row} 行：满分 max_score「${shownValue(cellText(rawMax))}」不是数字`,
      );
      continue;
    }
    if (!(max > 0)) {
      out.add(row, 'max_score', rawMax, 'MAX_NOT_POSITIVE', `第 ${row} 行：满分 max_score 必须大于 0`);
      continue;
    }
    const typeText = ci('type') >= 0 ? cellText(rec[ci('type')]) : '';
    const type = parseItemType(typeText);
    if (type === undefined) {
      out.add(
        row,
        'type',
        typeText,
        'BAD_TYPE',
        `第 ${row} 行：题型「${shownValue(typeText)}」应为 objective/客观 或 subjective/主观`,
      );
      continue;
    }
    const kp = ci('knowledge_point') >= 0 ? splitLabels(cellText(rec[ci('knowledge_point')])) : [];
    const ability = ci('ability_level') >= 0 ? cellText(rec[ci('ability_level')]) : '';
    const kpOk = kp.every((k) => out.format(row, 'knowledge_point', k, R.knowledgePoint, 'TEXT_FORMAT'));
    const abilityOk =
      ability === '' || out.format(row, 'ability_level', ability, R.abilityLevel, 'TEXT_FORMAT');
    if (!kpOk || !abilityOk) continue;
    items.push({
      id,
      maxScore: max,
      type,
      knowledgePoints: kp,
      abilityLevel: ability === '' ? null : ability,
    });
  }
  if (items.length === 0 && out.errors.length === 0)
    out.add(headRow, null, null, 'NO_ITEMS', '题目表中没有任何题目');
  return { items, errors: out.errors };
}

/**
 * FULL_MARKS_MISMATCH: an item sheet whose maximum scores do not add up to the exam's declared full marks is
 * refused, so the 满分 on the report, the score bands (built from full marks) and the score rates agree. Compared in
 * hundredths, so 7.5 + 2.5 is exactly 10.
 */
export function checkFullMarks(
  items: ReadonlyArray<Pick<ItemSpec, 'maxScore'>>,
  fullMarks: number,
): ExamInputError | null {
  const sum = items.reduce((a, it) => a + Math.round(it.maxScore * 100), 0);
  if (sum === Math.round(fullMarks * 100)) return null;
  const total = sum / 100;
  return {
    file: 'items',
    row: 1,
    column: 'max_score',
    value: String(total),
    rule: 'FULL_MARKS_MISMATCH',
    message: `各题满分之和为 ${total}，与考试满分 ${fullMarks} 不一致`,
  };
}
