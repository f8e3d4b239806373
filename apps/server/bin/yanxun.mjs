#!/usr/bin/env node
// The `yanxun` command line (npx yanxun … from the repository root). Runs the TypeScript CLI through tsx; the
// `exam` commands run from a cached esbuild bundle when they can (./exam-bundle.mjs: no tsx start-up).
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
