import { describe, expect, it } from 'vitest';
import { ExcelJS } from '../../../shared/exceljs';
import { decodeCsv, readSheet } from './parser';

const FAMILY =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁郑谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁于余叶蒋杜苏魏程吕';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彩春菊凤洁梅琳素云莲真环雪荣爱妹';

describe('readSheet', () => {
  it('keeps every Chinese character intact across the streaming reader’s chunk boundaries (exceljs #2063)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('教师');
    ws.addRow(['姓名', '学校', '备注']);
    const expected: string[][] = [];
    for (let i = 0; i < 20_000; i++) {
      const name = `${FAMILY[i % FAMILY.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 13) % GIVEN.length]}`;
      const row = [name, `清远市清城区第${i}小学`, '骨干教师·班主任'.repeat(1 + (i % 3))];
      expected.push(row);
      ws.addRow(row);
    }
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const sheet = await readSheet(buf, 'big.xlsx');
    expect(sheet.rows).toHaveLength(expected.length);
    const damaged = sheet.rows.filter((r) => r.values.some((v) => String(v).includes('\uFFFD')));
    expect(damaged).toEqual([]);
    expect(sheet.rows.map((r) => r.values)).toEqual(expected);
  });

  it('decodes GBK (GB18030) CSV and UTF-8 with or without a BOM', () => {
    const utf8 = Buffer.from('姓名,学校\n张三,一小\n', 'utf8');
    expect(decodeCsv(utf8)).toBe('姓名,学校\n张三,一小\n');
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toBe('姓名,学校\n张三,一小\n');
    // 张三 in GBK
    const gbk = Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]);
    expect(decodeCsv(gbk)).toBe('张三');
  });
});
