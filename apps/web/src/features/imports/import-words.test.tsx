import { cleanup, screen, within } from '@testing-library/react';
import { type ImportJob, ROW_RULE_TEXTS } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { EXTERNAL_PARTICULARS_EN } from '../../shared/i18n-reasons-imports';
import { hanOutside, renderWithApp } from '../../shared/test-utils';
import { ImportPreview } from './import-preview';
import { importColumnWords, importProblemWords, queueItemWords } from './import-words';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: { listImportErrors: vi.fn(), commitImport: vi.fn(), getImport: vi.fn(), fetchFile: vi.fn() },
  };
});

afterEach(cleanup);

/** A row error as the server sends it: the Chinese template header and the Chinese particulars. */
const problem = (rule: string, column = '身份证号', value = '44030119900101123') => ({
  row: 5,
  column,
  value,
  rule,
  message: '身份证号校验位错误：应为 5，实为 3',
});

describe('import row errors in words (GB11643 ID numbers, school codes, code tables …)', () => {
  it('every rule code the teacher and school imports can send has English particulars: no Han outside the cell', () => {
    for (const rule of Object.keys(ROW_RULE_TEXTS)) {
      const en = importProblemWords('en-US', problem(rule));
      expect(hanOutside(en), `${rule}: ${en}`).toBe('');
      expect(en).not.toMatch(/\{(column|value)\}/);
    }
    // the cell's own text is data and stays as written
    expect(importProblemWords('en-US', problem('CODE.UNKNOWN_STAGE', '学段', '高中部'))).toBe(
      '"高中部" is not a known school stage; use a name from the template\'s list',
    );
  });

  it('every 学时 import code reads in English too', () => {
    // the cell rules (the conflicts, which need their values, are the next test)
    const cellRules = Object.entries(EXTERNAL_PARTICULARS_EN).filter(
      ([, template]) => !/\{(?!column\}|value\})\w+\}/.test(template),
    );
    expect(cellRules.map(([rule]) => rule)).toContain('EXT.HOURS_FORMAT');
    for (const [rule] of cellRules) {
      const en = importProblemWords('en-US', problem(rule, '开始日期', '2027-01-01'));
      expect(hanOutside(en), `${rule}: ${en}`).toBe('');
    }
    expect(importColumnWords('en-US', '课程名称')).toBe('Course title');
  });

  it('学时 import conflicts (Y-HOURS-IMPORT-DAY, Y-HOURS-AMOUNT, Y-HOURS-IMPORT-OVERLAP, Y-HOURS-IMPORT-TEACHER) by code and values', () => {
    const conflicts: { code: string; values: Record<string, string | number>; message: string }[] = [
      {
        code: 'EXT.OVER_DAY_CAP',
        values: {
          hours: '30',
          startDate: '2026-10-07',
          endDate: '2026-10-07',
          days: 1,
          dayCap: '8',
          cap: '8',
        },
        message: '学时 30 超过 2026-10-07 至 2026-10-07 共 1 天每天 8 学时的上限（8）',
      },
      { code: 'EXT.NOT_POSITIVE', values: { hours: '0' }, message: '学时 0 不大于 0' },
      {
        code: 'EXT.OVERLAP',
        values: { system: 'completion', from: '2026-10-01', to: '2026-10-09' },
        message: '与该教师已有的同类学时记录（completion，2026-10-01 至 2026-10-09）日期重叠',
      },
      {
        code: 'EXT.UNKNOWN_TEACHER',
        values: { name: '张三' },
        message: '身份证号对应的教师不在本辖区（或系统中没有）：张三',
      },
      {
        code: 'EXT.CHANGED',
        values: { was: 3, category: 'online', until: '2026-10-07', version: 2 },
        message: '记录已变更：原 3 学时（online，至 2026-10-07），将撤销原记录并记入第 2 版',
      },
    ];
    for (const c of conflicts) {
      const p = { column: '学时', value: '30', rule: 'Y-HOURS-IMPORT-DAY', ...c };
      expect(importProblemWords('zh-CN', p)).toBe(c.message);
      const en = importProblemWords('en-US', p);
      expect(hanOutside(en, '张三'), en).toBe('');
      expect(en).not.toMatch(/Y-HOURS/);
    }
    const queued = { name: '张三', hoursTenths: 300, startDate: '2026-10-07', endDate: '2026-10-07' };
    for (const kind of ['unknown_teacher', 'over_cap', 'overlap']) {
      const q = { ...queued, kind, message: '中文原句' };
      expect(queueItemWords('zh-CN', q)).toBe('中文原句');
      expect(hanOutside(queueItemWords('en-US', q), '张三')).toBe('');
    }
  });

  it("zh-CN keeps the server's column and sentence; an unknown code keeps the server's sentence in en-US", () => {
    const p = problem('GB11643.CHECKSUM');
    expect(importProblemWords('zh-CN', p)).toBe(p.message);
    expect(importColumnWords('zh-CN', '身份证号')).toBe('身份证号');
    expect(importColumnWords('en-US', '身份证号')).toBe('ID number');
    expect(importProblemWords('en-US', problem('FROM.THE_FUTURE'))).toBe(p.message);
  });

  it('the import wizard preview in en-US: column, problem and particulars in English', async () => {
    vi.mocked(api.listImportErrors).mockResolvedValue({
      items: [
        problem('GB11643.CHECKSUM'),
        { row: 12, column: '任教学科', value: '', rule: 'REQUIRED', message: '任教学科为必填项' },
      ],
      total: 2,
      page: 1,
      pageSize: 10,
    });
    const job: ImportJob = {
      id: 'job-7',
      kind: 'teachers',
      fileName: 'teachers.xlsx',
      status: 'validated',
      progress: 100,
      totalRows: 120,
      validRows: 118,
      errorRows: 2,
      toCreate: 100,
      toUpdate: 16,
      unchanged: 2,
      committedRows: 0,
      commitMode: null,
      error: null,
      createdAt: '2025-09-01T08:00:00Z',
      finishedAt: null,
      errorCount: 0,
      expiresAt: null,
    };
    renderWithApp(<ImportPreview job={job} onReupload={vi.fn()} />, { lang: 'en-US' });
    const table = screen.getByTestId('import-error-table');
    const checksum = await within(table).findByText(/check digit of "44030119900101123" is wrong/);
    expect(hanOutside((checksum.closest('tr') as HTMLElement).textContent)).toBe('');
    const required = within(table).getByText('"Subject" is required').closest('tr') as HTMLElement;
    expect(hanOutside(required.textContent)).toBe('');
    expect(table.textContent).not.toMatch(/GB11643\.CHECKSUM/);
  });
});
