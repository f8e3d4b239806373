/** In-process CPU profiling for the benchmarks (node:inspector), summarised by where the time goes. */
import fs from 'node:fs';
import inspector from 'node:inspector/promises';
import { fmt, printTable } from './lib';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

const CATEGORIES: Array<[string, RegExp]> = [
  [
    'xlsx reading (exceljs, saxes, unzipper, streams)',
    /exceljs|saxes|unzipper|readable-stream|xmlchars|node:stream|node:zlib|internal\/streams|node:internal\/webstreams|bluebird/,
  ],
  ['pinyin (pinyin-pro)', /pinyin-pro/],
  ['row validation (packages/core)', /packages\/core/],
  ['database driver (pg, kysely)', /node_modules\/(pg|pg-protocol|pg-types|kysely|postgres-)/],
  ['import service (apps/server)', /apps\/server/],
];

export async function startProfiling(): Promise<() => Promise<Profile>> {
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
    session.disconnect();
    return profile;
  };
}

/** Self time per category and the top functions by self time; the profile is written to `file`. */
export function summarise(profile: Profile, file: string, top = 12): void {
  fs.writeFileSync(file, JSON.stringify(profile));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0) / 1000);
  });
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = (profile.endTime - profile.startTime) / 1000;
  const cats = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byNode.get(id);
    if (!n) continue;
    const { url, functionName, lineNumber } = n.callFrame;
    let cat = 'other JavaScript (node internals, Map/Array, JSON)';
    if (functionName === '(garbage collector)') cat = 'garbage collection';
    else if (functionName === '(idle)' || functionName === '(program)')
      cat = 'idle / waiting (database, I/O)';
    else
      for (const [name, re] of CATEGORIES)
        if (re.test(url)) {
          cat = name;
          break;
        }
    cats.set(cat, (cats.get(cat) ?? 0) + t);
    const short = url.replace(/^.*node_modules\//, '').replace(/^.*\/work\/main\//, '');
    const key = `${functionName || '(anonymous)'} ${short}${url ? `:${lineNumber + 1}` : ''}`;
    fns.set(key, (fns.get(key) ?? 0) + t);
  }
  printTable(
    ['where (self time)', 'ms', '%'],
    [...cats].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, fmt(v, 0), fmt((v / total) * 100, 0)]),
  );
  console.log('');
  printTable(
    ['top functions (self time)', 'ms'],
    [...fns]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => [k, fmt(v, 0)]),
  );
}
