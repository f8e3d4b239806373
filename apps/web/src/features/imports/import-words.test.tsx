import { cleanup, screen, within } from '@testing-library/react';
import { type ImportJob, ROW_RULE_TEXTS } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { EXTERNAL_PARTICULARS_EN } from '../../shared/i18n-reasons-imports';
import { hanOutside, renderWithApp } from '../../shared/test-utils';
import { ImportPreview } from './import-preview';
import { importColumnWords, importProblemWords } from './import-words';

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
    for (const rule of Object.keys(EXTERNAL_PARTICULARS_EN)) {
      const en = importProblemWords('en-US', problem(rule, '开始日期', '2027-01-01'));
      expect(hanOutside(en), `${rule}: ${en}`).toBe('');
    }
    expect(importColumnWords('en-US', '课程名称')).toBe('Course title');
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
