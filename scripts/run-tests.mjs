#!/usr/bin/env node
/**
 * `npm test`: every Vitest project, with the usual console output, then one machine-readable last line:
 *
 *   N passed, N failed[, N skipped]
 *
 * The counts come from Vitest's JSON reporter (written to a temp file). Extra arguments go to Vitest
 * unchanged (`npm test -- --project server`). The environment, including YX_TEST_DATABASE_URL (the server
 * suite on real PostgreSQL), passes through. Exit code 1 if a test failed, a test file could not run, or
 * Vitest itself failed without a readable report (then the last line is `0 passed, 1 failed`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitestBin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yx-vitest-'));
const outFile = path.join(outDir, 'report.json');

const args = [
  vitestBin,
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${outFile}`,
  ...process.argv.slice(2),
];

/** Counts from a Vitest JSON report; a test file that failed outside any test counts as one failure. */
function countsOf(report) {
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const file of report.testResults ?? []) {
    const assertions = file.assertionResults ?? [];
    if (file.status === 'failed' && !assertions.some((a) => a.status === 'failed')) failed += 1;
  }
  return { passed, failed, skipped };
}

/**
 * One line per failed test, `FAILED <file> › <test>: <first line of the error>`, so the failures can be read from a
 * log's tail (CI repeats these lines in its summary); a file that failed outside any test is named alone.
 */
function failuresOf(report) {
  const lines = [];
  for (const file of report.testResults ?? []) {
    const name = path.relative(root, file.name ?? '?');
    const failedTests = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const t of failedTests) {
      const why = String(t.failureMessages?.[0] ?? '')
        .split('\n')[0]
        .slice(0, 300);
      lines.push(`FAILED ${name} › ${t.fullName ?? t.title}${why ? `: ${why}` : ''}`);
    }
    if (file.status === 'failed' && failedTests.length === 0) {
      lines.push(
        `FAILED ${name}: ${String(file.message ?? '')
          .split('\n')[0]
          .slice(0, 300)}`,
      );
    }
  }
  return lines;
}

function summary({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

function finish(code, signal) {
  let counts = null;
  let failures = [];
  try {
    const report = JSON.parse(fs.readFileSync(outFile, 'utf8'));
    counts = countsOf(report);
    failures = failuresOf(report);
  } catch {
    counts = null;
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  if (!counts) {
    console.error(`run-tests: Vitest wrote no JSON report (exit ${signal ?? code}).`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  // Vitest can exit 1 with every test green (an unhandled error, a failed globalSetup): count it.
  if (code !== 0 && counts.failed === 0) {
    console.error(
      `run-tests: Vitest exited ${signal ?? code} although no test failed (see the errors above).`,
    );
    counts.failed = 1;
  }
  for (const line of failures) console.log(line);
  console.log(summary(counts));
  process.exit(counts.failed > 0 ? 1 : 0);
}

const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('error', (err) => {
  console.error(`run-tests: could not start Vitest: ${err.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
child.on('exit', finish);
