/**
 * `yanxun exam analyze` reading a score sheet on two threads (exam-parts.ts) gives what one thread gives, byte for
 * byte, and falls back to one thread, with the same errors, wherever the parts cannot decide alone. Run as the
 * installed command runs (bin/yanxun.mjs and its bundle): the worker thread is the bundle itself.
 * YANXUN_EXAM_SPLIT_BYTES=1 cuts every sheet; 0 never does. R-002-13 质量分析 input validation.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, '../bin/yanxun.mjs');
const FIX = path.join(here, 'test/fixtures/exam');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'yanxun-exam-parts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The command with the sheet cut (split) or not; its exit code, output, errors and the scores stage's name. */
function analyze(args: string[], split: boolean) {
  const r = spawnSync(process.execPath, [bin, 'exam', 'analyze', ...args], {
    encoding: 'utf8',
    env: { ...process.env, YANXUN_EXAM_SPLIT_BYTES: split ? '1' : '0', YANXUN_EXAM_TIMINGS: '1' },
    timeout: 60_000,
  });
  const timing = r.stderr.split('\n').filter((l) => l.startsWith('timing '));
  return {
    code: r.status,
    out: r.stdout,
    errors: r.stderr
      .split('\n')
      .filter((l) => l && !l.startsWith('timing '))
      .join('\n'),
    twoThreads: timing.some((l) => l.startsWith('timing scores (two threads)')),
  };
}

function write(name: string, text: string | Buffer): string {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
}

describe('exam analyze on two threads', () => {
  // the golden sets as they are (two mark absent students 缺考, which the fast reader leaves to one thread), and
  // with every 缺考 left blank (absent students and blank cells, read on two threads)
  for (const set of ['small-integers', 'medium-half-points', 'large-many-ties'])
    for (const blank of [false, true])
      it(`${set}${blank ? ', 缺考 left blank' : ''}: the same JSON (with --full and value-added) as on one thread`, () => {
        const fix = (f: string) => path.join(FIX, set, f);
        const scores = blank
          ? write(`${set}-blank.csv`, readFileSync(fix('scores.csv'), 'utf8').replaceAll('缺考', ''))
          : fix('scores.csv');
        const args = (out: string) => [
          '--scores',
          scores,
          '--items',
          fix('items.csv'),
          '--prior',
          fix('prior.csv'),
          '--full',
          '--json',
          path.join(tmp, out),
        ];
        const two = analyze(args(`${set}-2.json`), true);
        const one = analyze(args(`${set}-1.json`), false);
        const fast = blank || !readFileSync(scores, 'utf8').includes('缺考');
        expect({ code: two.code, errors: two.errors, twoThreads: two.twoThreads }).toEqual({
          code: 0,
          errors: '',
          twoThreads: fast,
        });
        expect(one.twoThreads).toBe(false);
        expect(two.out).toBe(one.out);
        expect(readFileSync(path.join(tmp, `${set}-2.json`), 'utf8')).toBe(
          readFileSync(path.join(tmp, `${set}-1.json`), 'utf8'),
        );
      });

  const items = write('items.csv', 'item_id,max_score\nQ1,5\nQ2,10\n');
  const rows = (n: number, eol = '\n') =>
    Array.from(
      { length: n },
      (_, i) => `s${i},${['一中', '二中', '三中'][i % 3]},${(i % 4) + 1}班,${i % 6},${i % 11}`,
    ).join(eol);

  it('a byte-order mark and CRLF line ends: the same JSON on two threads', () => {
    const text = `student_id,school,class,Q1,Q2\r\n${rows(40, '\r\n')}\r\n`;
    const scores = write('bom-crlf.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const two = analyze(['--scores', scores, '--items', items, '--full'], true);
    const one = analyze(['--scores', scores, '--items', items, '--full'], false);
    expect(two.twoThreads).toBe(true);
    expect({ code: two.code, out: two.out }).toEqual({ code: 0, out: one.out });
  });

  it('a student in both parts: one thread decides, and the errors are the one-thread errors', () => {
    const scores = write('dup.csv', `student_id,school,class,Q1,Q2\n${rows(40)}\ns1,一中,1班,1,1\n`);
    const two = analyze(['--scores', scores, '--items', items], true);
    const one = analyze(['--scores', scores, '--items', items], false);
    expect(two.twoThreads).toBe(false);
    expect(two.code).toBe(2);
    expect(two.errors).toContain('dup.csv:');
    expect({ code: two.code, errors: two.errors, out: two.out }).toEqual({
      code: one.code,
      errors: one.errors,
      out: one.out,
    });
  });

  it('what the fast reader declines (a quoted cell, a score above the maximum in the second part) is read on one thread', () => {
    const quoted = write('quoted.csv', `student_id,school,class,Q1,Q2\n${rows(20)}\n"s99",一中,1班,1,1\n`);
    const above = write('above.csv', `student_id,school,class,Q1,Q2\n${rows(20)}\ns99,一中,1班,6,1\n`);
    for (const scores of [quoted, above]) {
      const two = analyze(['--scores', scores, '--items', items], true);
      const one = analyze(['--scores', scores, '--items', items], false);
      expect(two.twoThreads).toBe(false);
      expect({ code: two.code, errors: two.errors, out: two.out }).toEqual({
        code: one.code,
        errors: one.errors,
        out: one.out,
      });
    }
  });
});
