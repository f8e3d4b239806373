/**
 * Every `yanxun` command and sub-command answers --help (and -h) with its usage and exit code 0, before it
 * opens a database or starts anything; an unknown command still gets the overview and exit code 2.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, '../bin/yanxun.mjs');
// a data directory that does not exist: a command that opened the database would create it or fail
const env = { ...process.env, DATA_DIR: path.join(here, 'no-such-dir-cli-help'), DATABASE_URL: '' };

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('yanxun … --help', () => {
  for (const [args, usage] of [
    [['serve'], 'npx yanxun serve'],
    [['migrate'], 'npx yanxun migrate'],
    [['demo'], '--as-of'],
    [['region', 'load'], '--code 4418'],
    [['account', 'create'], '--org-code CODE'],
    [['exam', 'analyze'], '--scores scores.csv --items items.csv'],
  ] as const) {
    it(`${args.join(' ')} --help and -h print its usage and exit 0`, () => {
      for (const flag of ['--help', '-h']) {
        const r = run(...args, flag);
        expect({ flag, code: r.code, err: r.err }).toEqual({ flag, code: 0, err: '' });
        expect(r.out).toContain(usage);
      }
    });
  }

  it('help, --help and no command print the overview (exit 0); an unknown command too, with exit 2', () => {
    for (const args of [['help'], ['--help'], ['-h'], [], ['exam', 'help'], ['exam', '--help']]) {
      const r = run(...args);
      expect({ args, code: r.code }).toEqual({ args, code: 0 });
      expect(r.out).toContain('yanxun');
    }
    const unknown = run('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.out).toContain('npx yanxun serve');
    expect(existsSync(env.DATA_DIR)).toBe(false); // no command opened a database
  });
});

describe('yanxun run as a command (its own file through sh, as npx and node_modules/.bin/yanxun run it)', () => {
  const asCommand = (args: string[], extra: Record<string, string> = {}) => {
    const r = spawnSync(bin, args, { encoding: 'utf8', env: { ...env, ...extra }, timeout: 60_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('passes every argument through unchanged, spaces and quotes included, and the exit code back', () => {
    const help = asCommand(['exam', 'analyze', '--help']);
    expect({ code: help.code, err: help.err }).toEqual({ code: 0, err: '' });
    expect(help.out).toContain('--scores scores.csv --items items.csv');
    const missing = asCommand([
      'exam',
      'analyze',
      '--scores',
      `no such "it's" $HOME.csv`,
      '--items',
      'x y.csv',
    ]);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/x y\.csv|no such "it's" \$HOME\.csv/);
  });

  it('starts the exam commands without NODE_EXTRA_CA_CERTS (they open no connection); the others keep it', () => {
    // node warns on start-up when the variable names a file it cannot load: the warning shows who loaded it
    const extra = { NODE_EXTRA_CA_CERTS: path.join(here, 'no-such-ca.pem') };
    expect(asCommand(['exam', 'help'], extra).err).toBe('');
    expect(asCommand(['help'], extra).err).toContain('extra certs');
  });

  it('starts the exam commands with malloc asking for huge pages, keeping any tunables already set', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'yx-cli-'));
    try {
      writeFileSync(path.join(dir, 'items.csv'), 'item_id,max_score\nQ1,2\n');
      writeFileSync(path.join(dir, 'scores.csv'), 'student_id,school,class,Q1\n20240001,一中,1班,2\n');
      const analyze = [
        'exam',
        'analyze',
        '--scores',
        path.join(dir, 'scores.csv'),
        '--items',
        path.join(dir, 'items.csv'),
      ];
      const timed = (extra: Record<string, string>) => {
        const r = asCommand(analyze, { YANXUN_EXAM_TIMINGS: '1', ...extra });
        expect(r.code).toBe(0);
        return r.err.split('\n').find((l) => l.startsWith('timing env'));
      };
      expect(timed({ GLIBC_TUNABLES: '' })).toBe('timing env GLIBC_TUNABLES=glibc.malloc.hugetlb=1');
      expect(timed({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' })).toBe(
        'timing env GLIBC_TUNABLES=glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
