// Runs and times one command for bench/exam.ts from a small process. The bench itself holds the generated files
// and its in-process runs (hundreds of MB), and starting a child from so large a process costs tens of ms of
// page-table copying on this kind of VM: a fixed cost that belongs to neither command and weighs ten times more
// on a 0.7 s run than on a 7 s one. Argument: JSON { cmd, args, cwd, cpuFile? }; prints JSON { ms, status, stderr }.
// With cpuFile, the command runs under /usr/bin/time, which writes its user and system seconds there.
import { spawnSync } from 'node:child_process';

const { cmd, args, cwd, cpuFile } = JSON.parse(process.argv[2] ?? '{}');
const [file, argv] = cpuFile ? ['/usr/bin/time', ['-f', '%U %S', '-o', cpuFile, cmd, ...args]] : [cmd, args];
const t0 = process.hrtime.bigint();
const r = spawnSync(file, argv, {
  encoding: 'utf8',
  cwd,
  maxBuffer: 1 << 26,
  stdio: ['ignore', 'ignore', 'pipe'],
});
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stdout.write(JSON.stringify({ ms, status: r.status, stderr: r.stderr ?? String(r.error ?? '') }));
