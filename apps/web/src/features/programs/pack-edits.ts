/** Editing a pack: which rules are editable and how, applying edits, the what-if changes, problems by rule. */
import type { PackProblemBody, PolicyPackBody } from '@yanxun/contracts';
import { collectRules, isRecord, isRuleValue, type RuleEntry } from './pack-rule-entries';
import { isOffset } from './pack-values';

/** Where an edit goes: a number rule, the day count of a deadline offset, or one of a setting's readings. */
export type EditKind = 'number' | 'offset' | 'choice';

/** settings with a fixed set of readings (by the last key), edited as a choice. */
const CHOICES: Record<string, string[]> = {
  approvedLeave: ['absent', 'excused', 'present'],
  partialHours: ['none', 'attended_share'],
  bulletinsBasis: ['provider_project', 'provider'],
};

/** The readings a setting may take, or undefined when it is not a choice. */
export function choicesOf(entry: Pick<RuleEntry, 'key'>): string[] | undefined {
  return CHOICES[entry.key.split('.').pop() ?? entry.key];
}

export function editKind(entry: Pick<RuleEntry, 'value' | 'key'>): EditKind | null {
  if (typeof entry.value === 'number') return 'number';
  if (isOffset(entry.value)) return 'offset';
  if (typeof entry.value === 'string' && choicesOf(entry)?.includes(entry.value)) return 'choice';
  return null;
}

/** Edits by rule path: the new number (stored unit), for an offset the new offsetDays, or a reading's code. */
export type PackEdits = Record<string, number | string>;

function readPath(root: unknown, path: string): unknown {
  const keys = path.match(/[^.[\]]+/g) ?? [];
  let node: unknown = root;
  for (const k of keys) {
    if (!isRecord(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[k];
  }
  return node;
}

/** The pack with the edits applied (a copy). */
export function applyEdits(pack: PolicyPackBody, edits: PackEdits): PolicyPackBody {
  const copy = structuredClone(pack);
  for (const [path, n] of Object.entries(edits)) {
    const target = readPath(copy, path);
    if (!isRuleValue(target)) continue;
    if (isOffset(target.value) && typeof n === 'number') target.value = { ...target.value, offsetDays: n };
    else target.value = n;
  }
  return copy;
}

/** The what-if preview's changes: `path` of the rule value, whose `.value` the server sets. */
export function editsToChanges(pack: PolicyPackBody, edits: PackEdits): { path: string; value: unknown }[] {
  return Object.entries(edits).flatMap(([path, n]) => {
    const target = readPath(pack, path);
    if (!isRuleValue(target)) return [];
    return [
      {
        path,
        value: isOffset(target.value) && typeof n === 'number' ? { ...target.value, offsetDays: n } : n,
      },
    ];
  });
}

/**
 * Problems of a save or preview, by the rule path they belong to: the longest rule path that is the problem's
 * path or a prefix of it ('deadlines.timetable.offsetDays' → 'deadlines.timetable'). Others go to ''.
 */
export function problemsByRule(
  pack: PolicyPackBody,
  problems: PackProblemBody[],
): Map<string, PackProblemBody[]> {
  const paths = collectRules(pack)
    .map((e) => e.path)
    .sort((a, b) => b.length - a.length);
  const out = new Map<string, PackProblemBody[]>();
  for (const p of problems) {
    const owner =
      paths.find((rp) => p.path === rp || p.path.startsWith(`${rp}.`) || p.path.startsWith(`${rp}[`)) ??
      // a problem of a whole object (min above max at '….age'): the first rule inside it
      (p.path ? [...paths].reverse().find((rp) => rp.startsWith(`${p.path}.`)) : undefined) ??
      '';
    const list = out.get(owner) ?? [];
    list.push(p);
    out.set(owner, list);
  }
  return out;
}

/** `error.details.problems` of a pack save or preview refusal. */
export function packProblemsOf(details: unknown): PackProblemBody[] {
  if (!isRecord(details) || !Array.isArray(details.problems)) return [];
  return details.problems.flatMap((p: unknown) =>
    isRecord(p) && typeof p.message === 'string'
      ? [
          {
            code: String(p.code ?? ''),
            ruleId: String(p.ruleId ?? ''),
            path: String(p.path ?? ''),
            message: p.message,
          },
        ]
      : [],
  );
}
