/** The dry run's errors as a workbook to download and fix the files by. */
import { EXAM_INPUT_RULE_TEXTS, type ExamInputError } from '@yanxun/contracts';
import { ExcelJS, type Workbook } from '../../../shared/exceljs';

async function toBuffer(wb: Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const FILE_NAME: Record<ExamInputError['file'], string> = {
  scores: '成绩表',
  items: '题目表',
  prior: '前测成绩',
};

/** The upload's errors: 文件 / 行号 / 列 / 值 / 问题 / 说明 / 规则代码 (like the imports module's error report). */
export async function buildErrorWorkbook(errors: ExamInputError[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('错误明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '文件', key: 'file', width: 10 },
    { header: '行号', key: 'row', width: 8 },
    { header: '列', key: 'column', width: 16 },
    { header: '值', key: 'value', width: 24, style: { numFmt: '@' } },
    { header: '问题', key: 'problem', width: 24 },
    { header: '说明', key: 'message', width: 70 },
    { header: '规则代码', key: 'rule', width: 24 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const e of errors)
    sheet.addRow({
      ...e,
      file: FILE_NAME[e.file] ?? e.file,
      problem: EXAM_INPUT_RULE_TEXTS[e.rule]?.zh ?? '',
    });
  return toBuffer(wb);
}
