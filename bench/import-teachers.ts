/**
 * Teacher import at scale: a 100,000-row workbook through the real import path (dry run, then commit), then the
 * same file again (all unchanged). Baselines in the same run: PostgreSQL's own COPY of the same rows (psql \copy)
 * and an INSERT … SELECT FROM unnest of the same rows, each into a scratch table shaped like `teachers`.
 *
 *   bench/pg.sh start
 *   npx tsx bench/import-teachers.ts            # TEACHERS=100000 by default; DATABASE_URL defaults to bench/pg.sh url
 *   PROFILE=1 npx tsx bench/import-teachers.ts  # also a CPU profile of each dry run (bench/out/*.cpuprofile), summarised
 *   bench/pg.sh stop
 *
 * The workbook is generated in a child process (so its memory is not counted in the importer's peak RSS) and
 * kept in bench/out/ (git-ignored).
 */
import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  cellsByKey,
  codeName,
  isBlankRow,
  matchHeaders,
  pinyinInitials,
  pinyinKey,
  TEACHER_COLUMNS,
  validateTeacherRow,
} from '@yanxun/core';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { type DemoTeacher, generateOrgs, generateTeachers } from '../apps/server/src/demo/generate-region';
import { insertOrgTree } from '../apps/server/src/demo/org-tree';
import { readSheet } from '../apps/server/src/modules/imports/dry-run/parser';
import { createServices } from '../apps/server/src/services';
import {
  fmt,
  freshDatabase,
  machineInfo,
  ms,
  printMachine,
  printTable,
  rssSampler,
  SETTINGS,
  systemAdmin,
  urlOf,
} from './lib';
import { startProfiling, summarise } from './profile';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'out');
const N = Number(process.env.TEACHERS ?? 100_000);
const SPEC = { teachers: N };
const DB_NAME = 'bench_import';

// ───────────── the workbook, as a bureau officer would fill it in (child process) ─────────────

const name = (table: Parameters<typeof codeName>[0], c: string) => codeName(table, c) ?? c;
const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

function cellsOf(t: DemoTeacher, schoolCode: string): Record<string, unknown> {
  return {
    idNumber: t.idNumber,
    name: t.name,
    gender: name('genders', t.gender),
    birthDate: utcDate(t.birthDate), // typed into Excel: a date cell
    phone: t.phone,
    schoolCode,
    stage: t.stage, // the generator already speaks Chinese: 小学, 数学, 一级教师 …
    subject: t.subject,
    title: t.title,
    backbone: t.backbone ?? null,
    teachingStartDate: utcDate(t.teachingStartDate),
    trainingStartYear: t.trainingStartYear,
    roles: t.rolesHeld.join('、'),
    status: name('employmentStatuses', t.status),
  };
}

async function generateWorkbook(file: string): Promise<void> {
  const orgs = generateOrgs(SPEC);
  const codeOf = new Map(orgs.map((o) => [o.key, o.code]));
  const tmp = `${file}.tmp`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: tmp,
    useStyles: true,
    useSharedStrings: true,
  });
  const sheet = wb.addWorksheet('教师');
  sheet.columns = TEACHER_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    style: ['birthDate', 'teachingStartDate'].includes(c.key)
      ? { numFmt: 'yyyy-mm-dd' }
      : ['idNumber', 'phone', 'schoolCode'].includes(c.key)
        ? { numFmt: '@' }
        : {},
  }));
  sheet.getRow(1).commit();
  let n = 0;
  for (const batch of generateTeachers(SPEC, orgs, 10_000)) {
    for (const t of batch) {
      const code = codeOf.get(t.schoolKey);
      if (!code) throw new Error(`school ${t.schoolKey} has no code`);
      const cells = cellsOf(t, code);
      sheet.addRow(TEACHER_COLUMNS.map((c) => cells[c.key] ?? null)).commit();
      n++;
    }
  }
  sheet.commit();
  await wb.commit();
  fs.renameSync(tmp, file);
  process.stdout.write(`generated ${n} rows\n`);
}

async function ensureWorkbook(): Promise<{ file: string; generatedMs: number | null }> {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `teachers-${N}.xlsx`);
  if (fs.existsSync(file) && !process.env.REGENERATE) return { file, generatedMs: null };
  const t0 = process.hrtime.bigint();
  await new Promise<void>((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--generate', file], { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generator exited ${code}`))));
  });
  return { file, generatedMs: ms(t0) };
}

// ───────────── the benchmark ─────────────

async function main() {
  const { file, generatedMs } = await ensureWorkbook();
  const buf = fs.readFileSync(file);
  console.log(
    `workbook: ${path.relative(process.cwd(), file)}, ${(buf.length / 1048576).toFixed(1)} MB` +
      (generatedMs === null ? ' (reused)' : `, generated in ${fmt(generatedMs / 1000)} s`),
  );

  const handle = await freshDatabase(DB_NAME);
  const { db } = handle;
  const t0 = process.hrtime.bigint();
  const orgs = await insertOrgTree(db, generateOrgs(SPEC));
  const province = orgs.find((o) => o.kind === 'province');
  if (!province) throw new Error('no province');
  const account = await db
    .insertInto('accounts')
    .values({ username: 'bench', display_name: '基准测试', password_hash: '-' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('role_grants')
    .values({ account_id: account.id, role: 'system_admin', org_id: province.id })
    .execute();
  await sql`ANALYZE`.execute(db);
  console.log(
    `orgs loaded: ${orgs.length} (${orgs.filter((o) => o.kind === 'school').length} schools) in ${fmt(ms(t0))} ms`,
  );

  const actor = systemAdmin(account.id, province);
  const services = createServices(db, SETTINGS);

  async function runImport(label: string) {
    if (global.gc) global.gc();
    const rss = rssSampler(50);
    const rssBefore = Math.round(process.memoryUsage().rss / 1048576);
    const stopProfiling = process.env.PROFILE ? await startProfiling() : null;
    const tStart = process.hrtime.bigint();
    const job = await services.imports.start(actor, 'teachers', 'bench.xlsx', buf);
    await services.imports.waitFor(job.id);
    const validateMs = ms(tStart);
    if (stopProfiling) {
      console.log(`\n### CPU profile of the dry run: ${label}\n`);
      summarise(await stopProfiling(), path.join(OUT, `import-${label.split(' ')[0]}-validate.cpuprofile`));
    }
    const validated = await services.imports.get(actor, job.id);
    if (validated.status !== 'validated')
      throw new Error(`${label}: ${validated.status} ${JSON.stringify(validated.error)}`);
    // Every generated row is valid; an error here is a reader defect (see docs/PERFORMANCE.md). Report it, and
    // commit the valid rows so that the timing still covers the whole path.
    let mode: 'all' | 'valid' = 'all';
    if (validated.errorRows > 0) {
      const errs = await services.imports.errors(actor, job.id, 1, 3);
      console.log(`${label}: ${validated.errorRows} error rows (committing mode 'valid'), e.g.`, errs.items);
      mode = 'valid';
    }
    const tCommit = process.hrtime.bigint();
    await services.imports.commit(actor, job.id, mode);
    await services.imports.waitFor(job.id);
    const commitMs = ms(tCommit);
    const totalMs = ms(tStart);
    const committed = await services.imports.get(actor, job.id);
    const peak = rss.stop();
    if (committed.status !== 'committed')
      throw new Error(`${label}: ${committed.status} ${JSON.stringify(committed.error)}`);
    return { label, validateMs, commitMs, totalMs, peak, rssBefore, job: committed };
  }

  const first = await runImport('first import (all new)');
  const counts = await sql<{ teachers: string; identities: string; postings: string }>`
    SELECT (SELECT count(*) FROM teachers) AS teachers, (SELECT count(*) FROM teacher_identities) AS identities,
      (SELECT count(*) FROM teacher_postings) AS postings`.execute(db);
  const c = counts.rows[0];
  const second = await runImport('second import (same file)');
  const after2 = await sql<{ n: string }>`SELECT count(*) AS n FROM teachers`.execute(db);
  const expected = first.job.validRows;

  console.log(
    `\n## Import of ${N.toLocaleString('en-US')} teachers (services.imports: start → waitFor → commit('all') → waitFor)\n`,
  );
  printTable(
    [
      'run',
      'validate (dry run) s',
      'commit s',
      'end to end s',
      'rows/s end to end',
      'peak RSS MB',
      'RSS before MB',
      'new / updated / unchanged / errors',
    ],
    [first, second].map((r) => [
      r.label,
      fmt(r.validateMs / 1000, 2),
      fmt(r.commitMs / 1000, 2),
      fmt(r.totalMs / 1000, 2),
      fmt(N / (r.totalMs / 1000), 0),
      r.peak,
      r.rssBefore,
      `${r.job.toCreate} / ${r.job.toUpdate} / ${r.job.unchanged} / ${r.job.errorRows}`,
    ]),
  );
  console.log(
    `\ncorrectness: teachers=${c?.teachers} identities=${c?.identities} postings=${c?.postings} after first; ` +
      `teachers=${after2.rows[0]?.n} after second (expected ${expected} each = ${N} rows − ${first.job.errorRows} error rows): ${
        Number(c?.teachers) === expected &&
        Number(c?.identities) === expected &&
        Number(c?.postings) === expected &&
        Number(after2.rows[0]?.n) === expected
          ? 'OK'
          : 'MISMATCH'
      }`,
  );

  // ───────────── where the dry run's time goes (each step alone, in this process) ─────────────
  const steps: Array<[string, number]> = [];
  let t = process.hrtime.bigint();
  const sheet = await readSheet(buf, 'bench.xlsx');
  steps.push(['readSheet (exceljs streaming read of the .xlsx)', ms(t)]);
  const match = matchHeaders('teachers', sheet.header.values);
  t = process.hrtime.bigint();
  let valid = 0;
  const names: string[] = [];
  for (const r of sheet.rows) {
    if (isBlankRow(r.values)) continue;
    const res = validateTeacherRow(cellsByKey(match.mapping, r.values), r.row, { today: '2026-09-01' });
    if (res.value) {
      valid++;
      names.push(res.value.name);
    }
  }
  steps.push([`validateTeacherRow × ${sheet.rows.length} (${valid} valid)`, ms(t)]);
  const garbled = sheet.rows.filter((r) =>
    r.values.some((v) => typeof v === 'string' && v.includes('\uFFFD')),
  ).length;
  console.log(
    `\nrows with U+FFFD (a UTF-8 character split by the streaming reader) after readSheet: ${garbled}`,
  );
  t = process.hrtime.bigint();
  for (const n of names) {
    pinyinKey(n);
    pinyinInitials(n);
  }
  steps.push([`pinyinKey + pinyinInitials × ${names.length}`, ms(t)]);
  const ids = sheet.rows.map((r) => String(r.values[0]));
  t = process.hrtime.bigint();
  await services.peopleRepo.findByIdNumbers(ids);
  steps.push(['findByIdNumbers (existing teachers, 5,000 per query)', ms(t)]);
  console.log('\n## Dry-run breakdown (each step run alone after the imports)\n');
  printTable(
    ['step', 'ms'],
    steps.map(([s, v]) => [s, fmt(v, 0)]),
  );

  // ───────────── baselines: the same rows, written by PostgreSQL's own COPY and by one unnest INSERT ─────────────
  const rows = await sql<Record<string, unknown>>`
    SELECT county_id, id, id_number, name, name_pinyin, name_initials, gender, birth_date, phone, school_id, org_path,
      stage, subject, title, backbone, teaching_start_date, training_start_year, roles_held, status
    FROM teachers ORDER BY id`.execute(db);
  const cols = Object.keys(rows.rows[0] ?? {});
  const csvCell = (v: unknown) => {
    if (v === null || v === undefined) return '';
    const s = Array.isArray(v) ? `{${v.map((x) => `"${String(x)}"`).join(',')}}` : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const csvFile = path.join(OUT, `teachers-${N}.csv`);
  fs.writeFileSync(csvFile, `${rows.rows.map((r) => cols.map((k) => csvCell(r[k])).join(',')).join('\n')}\n`);
  await sql`DROP TABLE IF EXISTS copy_teachers, unnest_teachers`.execute(db);
  await sql`CREATE TABLE copy_teachers (LIKE teachers INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`.execute(
    db,
  );
  await sql`CREATE TABLE unnest_teachers (LIKE teachers INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`.execute(
    db,
  );
  t = process.hrtime.bigint();
  execFileSync('psql', [
    urlOf(DB_NAME),
    '-v',
    'ON_ERROR_STOP=1',
    '-qc',
    `\\copy copy_teachers (${cols.join(', ')}) FROM '${csvFile}' WITH (FORMAT csv)`,
  ]);
  const copyMs = ms(t);
  t = process.hrtime.bigint();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.rows.length; i += 5000) {
      const part = rows.rows.slice(i, i + 5000);
      const pc = (k: string) => part.map((r) => r[k]);
      await sql`INSERT INTO unnest_teachers (county_id, id, id_number, name, name_pinyin, name_initials, gender, birth_date, phone,
          school_id, org_path, stage, subject, title, backbone, teaching_start_date, training_start_year, roles_held, status)
        SELECT u.county_id, u.id, u.id_number, u.name, u.name_pinyin, u.name_initials, u.gender, u.birth_date::date, u.phone,
          u.school_id, u.org_path, u.stage, u.subject, u.title, u.backbone, u.tsd::date, u.tsy,
          CASE WHEN u.roles = '' THEN '{}'::text[] ELSE string_to_array(u.roles, ${'\u001f'}) END, u.status
        FROM unnest(${pc('county_id')}::bigint[], ${pc('id')}::bigint[], ${pc('id_number')}::text[], ${pc('name')}::text[],
          ${pc('name_pinyin')}::text[], ${pc('name_initials')}::text[], ${pc('gender')}::text[], ${pc('birth_date')}::text[],
          ${pc('phone')}::text[], ${pc('school_id')}::bigint[], ${pc('org_path')}::text[], ${pc('stage')}::text[],
          ${pc('subject')}::text[], ${pc('title')}::text[], ${pc('backbone')}::text[], ${pc('teaching_start_date')}::text[],
          ${pc('training_start_year')}::smallint[], ${part.map((r) => (r.roles_held as string[]).join('\u001f'))}::text[],
          ${pc('status')}::text[])
        AS u(county_id, id, id_number, name, name_pinyin, name_initials, gender, birth_date, phone, school_id, org_path,
          stage, subject, title, backbone, tsd, tsy, roles, status)`.execute(trx);
    }
  });
  const unnestMs = ms(t);
  const check = await sql<{ a: string; b: string }>`
    SELECT (SELECT count(*) FROM copy_teachers) AS a, (SELECT count(*) FROM unnest_teachers) AS b`.execute(
    db,
  );
  console.log(
    '\n## Baselines: the same rows into a scratch table shaped like `teachers` (same indexes), same run\n',
  );
  printTable(
    ['method', 's', 'rows/s', 'rows'],
    [
      [
        'psql \\copy FROM csv (whole psql process, timed with hrtime)',
        fmt(copyMs / 1000, 2),
        fmt(N / (copyMs / 1000), 0),
        check.rows[0]?.a ?? '?',
      ],
      [
        'INSERT … SELECT FROM unnest, 5,000 rows/statement, one transaction',
        fmt(unnestMs / 1000, 2),
        fmt(N / (unnestMs / 1000), 0),
        check.rows[0]?.b ?? '?',
      ],
      [
        'the importer, end to end (first import, from above)',
        fmt(first.totalMs / 1000, 2),
        fmt(N / (first.totalMs / 1000), 0),
        c?.teachers ?? '?',
      ],
      [
        'the importer, commit only (teachers + identities + postings)',
        fmt(first.commitMs / 1000, 2),
        fmt(N / (first.commitMs / 1000), 0),
        c?.teachers ?? '?',
      ],
    ],
  );
  await sql`DROP TABLE copy_teachers, unnest_teachers`.execute(db);
  fs.rmSync(csvFile);

  printMachine(await machineInfo(urlOf(DB_NAME)));
  await handle.close();
}

if (process.argv[2] === '--generate') {
  const file = process.argv[3];
  if (!file) throw new Error('--generate needs a file');
  await generateWorkbook(file);
} else {
  await main();
}
