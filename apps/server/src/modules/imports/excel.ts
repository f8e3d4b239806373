import type { ImportKind, ImportRowError } from '@yanxun/contracts';
import {
  CODE_TABLES,
  type CodeTableName,
  IMPORT_COLUMNS,
  type ImportColumn,
  rowRuleText,
} from '@yanxun/core';
import { ExcelJS, streamedWorkbook, type Workbook, type Worksheet } from '../../shared/exceljs';

/** Columns whose cells must stay text in Excel (an 18-digit ID typed as a number loses its last digits). */
const TEXT_COLUMNS = new Set(['idNumber', 'phone', 'schoolCode', 'countyCode', 'township']);
/** Columns offered as a drop-down of the code table's Chinese names. */
const DROPDOWNS: Record<string, CodeTableName> = {
  gender: 'genders',
  stage: 'stages',
  subject: 'subjects',
  title: 'titles',
  backbone: 'backboneLevels',
  status: 'employmentStatuses',
  schoolType: 'schoolTypes',
  locationType: 'locationTypes',
};
const SHEET_NAME: Record<ImportKind, string> = { schools: '学校', teachers: '教师' };

function columnsOf(kind: ImportKind): ImportColumn[] {
  return IMPORT_COLUMNS[kind];
}

function styleHeader(sheet: Worksheet, columns: ImportColumn[]) {
  const header = sheet.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
    cell.note = `${c.required ? '必填。' : '选填。'}${c.note} 例：${c.example}`;
  });
}

async function toBuffer(wb: Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The import template: exactly the headers the importer reads, text-formatted code columns, drop-downs, and a help sheet. */
export async function buildTemplate(kind: ImportKind): Promise<Buffer> {
  const columns = columnsOf(kind);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Yanxun 研训';
  const sheet = wb.addWorksheet(SHEET_NAME[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(12, c.header.length * 2 + 4, c.example.length + 4),
    style: TEXT_COLUMNS.has(c.key) ? { numFmt: '@' } : {},
  }));
  styleHeader(sheet, columns);
  columns.forEach((c, i) => {
    const table = DROPDOWNS[c.key];
    if (!table) return;
    const names = CODE_TABLES[table].map((e) => e.name).join(',');
    if (names.length > 250) return; // Excel's limit for an inline list
    const letter = sheet.getColumn(i + 1).letter;
    for (let r = 2; r <= 2001; r++) {
      sheet.getCell(`${letter}${r}`).dataValidation = {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`"${names}"`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `请从列表中选择${c.header}`,
      };
    }
  });
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', key: 'header', width: 18 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '示例', key: 'example', width: 24 },
    { header: '说明', key: 'note', width: 60 },
  ];
  for (const c of columns) {
    help.addRow({
      header: c.header,
      required: c.required ? '必填' : '选填',
      example: c.example,
      note: c.note,
    });
  }
  help.addRow({});
  help.addRow({
    header: '提示',
    note: '只读取第一个工作表；同一身份证号（或学校标识码）重复导入时更新原记录，不会新增重复数据。',
  });
  help.getRow(1).font = { bold: true };
  return toBuffer(wb);
}

/** A workbook of row errors: 行号 / 列 / 值 / 问题 (the rule in words) / 说明, and the rule code last. */
export async function buildErrorWorkbook(errors: ImportRowError[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('错误明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '列', key: 'column', width: 16 },
    { header: '值', key: 'value', width: 24, style: { numFmt: '@' } },
    { header: '问题', key: 'problem', width: 24 },
    { header: '说明', key: 'message', width: 70 },
    { header: '规则代码', key: 'rule', width: 24 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const e of errors) sheet.addRow({ ...e, problem: rowRuleText(e.rule) ?? '' });
  return toBuffer(wb);
}

/**
 * Stream rows into an .xlsx with the template's headers (so an export can be edited and re-imported).
 * `batches` yields rows keyed by column key.
 */
export async function buildExport(
  kind: ImportKind,
  batches: AsyncIterable<Array<Record<string, string>>>,
): Promise<Buffer> {
  const columns = columnsOf(kind);
  const { wb, finish } = streamedWorkbook();
  const sheet = wb.addWorksheet(SHEET_NAME[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(12, c.header.length * 2 + 4),
    style: TEXT_COLUMNS.has(c.key) ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const batch of batches) {
    for (const values of batch) sheet.addRow(columns.map((c) => values[c.key] ?? '')).commit();
  }
  sheet.commit();
  return finish();
}
