import { parseArgs } from 'node:util';
import type { Role } from '@yanxun/contracts';

// Everything but node:util is imported when a command needs it, so that a command that does not touch the
// database (exam analyze) starts in a fraction of a second.
const openDatabase = async (...a: Parameters<typeof import('./boot').openDatabase>) =>
  (await import('./boot')).openDatabase(...a);

const HELP = `yanxun — 研训 command line

  npx yanxun serve                      start the platform (same as npm start, without building the web app)
  npx yanxun migrate                    apply database migrations
  npx yanxun demo [--teachers N] [--as-of YYYY-MM-DD]
                                        load the demo (region, programme year, exams) into an EMPTY database,
                                        dated as of today in Asia/Shanghai or of --as-of (default 20000 teachers;
                                        --teachers 1000000 makes a province for benchmarks)
  npx yanxun region load --code 4418     load the real administrative tree (省/市/县区/乡镇, GB/T 2260) of a province
                                        (2 digits), city (4) or county (6) into an EMPTY database, for a real
                                        deployment: then import schools and teachers from Excel
  npx yanxun exam analyze --scores scores.csv --items items.csv [--prior prior.csv] [--json out.json]
                                        analyse one exam paper (totals, 一分三率, items, alpha, schools,
                                        value-added); \`npx yanxun exam help\` for every option
  npx yanxun account create --username U --password P --role R --org-code CODE [--name 显示名]
                                        create an account holding role R on the org with that code

The database is DATABASE_URL (PostgreSQL 15+) or, without it, the embedded PGlite in DATA_DIR (default ./data).`;

/** Each command's usage, for `yanxun <command> --help` (-h): printed before anything is opened or started. */
const COMMAND_HELP: Record<string, string> = {
  serve: `yanxun serve — start the platform (same as npm start, without building the web app)

  npx yanxun serve

Settings come from the environment (docs/OPERATIONS.md): DATABASE_URL or DATA_DIR, PORT, HOST, DEMO …`,
  migrate: `yanxun migrate — apply the database migrations

  npx yanxun migrate

The database is DATABASE_URL (PostgreSQL 15+) or, without it, the embedded PGlite in DATA_DIR (default ./data).`,
  demo: `yanxun demo — load the demo (region, programme year, exams) into an EMPTY database

  npx yanxun demo [--teachers N] [--as-of YYYY-MM-DD]

  --teachers   how many teachers (default DEMO_TEACHERS, 20000; 1000000 makes a province for benchmarks)
  --as-of      the day the demo is dated as of (default: today in Asia/Shanghai, the pages' calendar)`,
  region: `yanxun region load — load the real administrative tree into an EMPTY database

  npx yanxun region load --code 4418

  --code   a province (2 digits, 44), city (4, 4418) or county (6, 441802) of GB/T 2260: its 省/市/县区/乡镇;
           then import schools and teachers from Excel`,
  account: `yanxun account create — create an account holding a role on an org

  npx yanxun account create --username U --password P --role R --org-code CODE [--name 显示名]`,
};

const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');

async function main(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  if (cmd === 'exam') return (await import('./exam-cli')).examCommand(sub, rest);
  if (cmd !== undefined && wantsHelp(argv.slice(1))) {
    const usage = COMMAND_HELP[cmd];
    console.log(usage ?? HELP);
    return usage ? 0 : 2;
  }
  const { loadConfig } = await import('./config');
  const config = loadConfig();
  (await import('./shared/time')).setTimeZone(config.timeZone);
  switch (cmd) {
    case 'serve':
      await import('./main');
      return -1; // keeps running
    case 'migrate': {
      const h = await openDatabase(config);
      await h.close();
      console.log('migrations applied');
      return 0;
    }
    case 'demo': {
      const { values } = parseArgs({
        args: [sub, ...rest].filter((a): a is string => a !== undefined),
        options: {
          teachers: { type: 'string', default: String(config.demoTeachers) },
          'as-of': { type: 'string' },
        },
      });
      const teachers = Number(values.teachers);
      if (!Number.isInteger(teachers) || teachers < 0) throw new Error('--teachers must be a whole number');
      const asOf = values['as-of'];
      if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
        throw new Error('--as-of must be YYYY-MM-DD');
      const h = await openDatabase(config);
      try {
        const any = await h.db.selectFrom('orgs').select('id').limit(1).executeTakeFirst();
        if (any) {
          console.error('the database already holds an org tree; use an empty DATA_DIR or database');
          return 2;
        }
        const t0 = Date.now();
        const { loadDemo } = await import('./demo/load-demo');
        const r = await loadDemo(h.db, {
          teachers,
          asOf,
          onProgress: (done, total) => process.stdout.write(`\r  teachers ${done}/${total}`),
        });
        console.log(
          `\nas of ${r.asOf}: ${r.orgs} orgs, ${r.teachers} teachers, ${r.programmes.length} programmes, ${r.exams.exams} exams${r.exams.released ? ' (the latest released)' : ''}, accounts ${r.accounts.join(', ')} in ${Date.now() - t0} ms`,
        );
      } finally {
        await h.close();
      }
      return 0;
    }
    case 'region': {
      if (sub !== 'load') break;
      const { values } = parseArgs({ args: rest, options: { code: { type: 'string' } } });
      if (!values.code)
        throw new Error('--code is required (e.g. 44 for 广东省, 4418 for 清远市, 441802 for 清城区)');
      const { adminTreeFor } = await import('./region/admin-tree');
      const { insertOrgTree } = await import('./demo/org-tree');
      const tree = adminTreeFor(values.code);
      const h = await openDatabase(config);
      try {
        const any = await h.db.selectFrom('orgs').select('id').limit(1).executeTakeFirst();
        if (any) {
          console.error('the database already holds an org tree; use an empty DATA_DIR or database');
          return 2;
        }
        await insertOrgTree(h.db, tree);
        const counts = new Map<string, number>();
        for (const o of tree) counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
        console.log(`loaded ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}`);
      } finally {
        await h.close();
      }
      return 0;
    }
    case 'account': {
      if (sub !== 'create') break;
      const { values } = parseArgs({
        args: rest,
        options: {
          username: { type: 'string' },
          password: { type: 'string' },
          role: { type: 'string' },
          'org-code': { type: 'string' },
          name: { type: 'string' },
        },
      });
      const { ROLES } = await import('@yanxun/contracts');
      const {
        checkPassword,
        DEFAULT_PASSWORD_POLICY,
        IDENTIFIER_RULES,
        identifierMessage,
        identifierProblem,
      } = await import('@yanxun/core');
      const { username, password, role } = values;
      const orgCode = values['org-code'];
      if (!username || !password || !role || !orgCode)
        throw new Error('--username, --password, --role and --org-code are required');
      // a sign-in name and a display name follow the identifier rules (docs/POLICIES.md)
      for (const [rule, value] of [
        [IDENTIFIER_RULES.username, username],
        [IDENTIFIER_RULES.personName, values.name?.trim()],
      ] as const) {
        const problem = value === undefined ? null : identifierProblem(rule, value);
        if (value !== undefined && problem) throw new Error(identifierMessage(rule, value, problem));
      }
      if (!(ROLES as readonly string[]).includes(role))
        throw new Error(`--role must be one of ${ROLES.join(', ')}`);
      const violations = checkPassword(password, username, DEFAULT_PASSWORD_POLICY);
      if (violations.length) throw new Error(violations.map((v) => v.message).join('；'));
      const { createAuthRepository, hashPassword } = await import('./modules/auth');
      const h = await openDatabase(config);
      try {
        const org = await h.db
          .selectFrom('orgs')
          .select(['id', 'name'])
          .where('code', '=', orgCode)
          .executeTakeFirst();
        if (!org) throw new Error(`no org with code ${orgCode}`);
        const repo = createAuthRepository(h.db);
        const id = await repo.createAccount({
          username,
          displayName: values.name?.trim() || username,
          passwordHash: await hashPassword(password),
        });
        await repo.addGrant(id, role as Role, org.id);
        console.log(`account ${username} (${role} @ ${org.name}) created`);
      } finally {
        await h.close();
      }
      return 0;
    }
    default:
      break;
  }
  console.log(HELP);
  return cmd === undefined || cmd === 'help' || cmd === '--help' || cmd === '-h' ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    console.error(`yanxun: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
