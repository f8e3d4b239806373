#!/bin/sh
':' /*
[ "$1" = exam ] && unset NODE_EXTRA_CA_CERTS && export GLIBC_TUNABLES="${GLIBC_TUNABLES:+$GLIBC_TUNABLES:}glibc.malloc.hugetlb=1"
exec node "$0" "$@"
*/;
// The `yanxun` command line (npx yanxun … from the repository root). Runs the TypeScript CLI through tsx; the
// `exam` commands run from a cached esbuild bundle when they can (./exam-bundle.mjs: no tsx start-up).
//
// The lines above are read by sh as a script and by node as a string and a comment. Run as a command (npx,
// node_modules/.bin/yanxun), sh starts node on this file; for the `exam` commands, which open no network
// connection, without NODE_EXTRA_CA_CERTS: node 20 loads those certificates while it starts, whether or not the
// process uses TLS (~50 ms of a 0.6 s exam analysis where the variable names the system bundle: docs/PERFORMANCE.md
// section 5); and with glibc's malloc asking for transparent huge pages (glibc.malloc.hugetlb=1: madvise on the
// memory it maps, where the kernel's THP mode is `madvise`), so the large buffers (the files read, the score matrix)
// fault in 2 MB at a time instead of 4 KB (~10 µs a fault on a VM: about 80 ms of the 0.8 s analysis, same
// section; another libc ignores the variable). `node bin/yanxun.mjs …` skips the lines and runs the same code.
const [cmd, sub, ...rest] = process.argv.slice(2);
const exam = cmd === 'exam' ? await (await import('./exam-bundle.mjs')).loadExamBundle() : null;
if (exam) {
  // the same exit behaviour as src/cli.ts
  exam.examCommand(sub, rest).then(
    (code) => process.exit(code),
    (err) => {
      console.error(`yanxun: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
