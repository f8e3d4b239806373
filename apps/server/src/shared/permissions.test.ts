import type { Role } from '@yanxun/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { AppError } from './app-error';
import { can, PERMISSIONS, requirePermission, scopeOf } from './permissions';

function actorWith(...grants: Array<[Role, string]>): Actor {
  return {
    accountId: '1',
    username: 'u',
    displayName: 'U',
    teacherId: null,
    requestId: 'r',
    ip: null,
    grants: grants.map(([role, orgPath]) => ({
      role,
      orgPath,
      orgId: orgPath.split('/').filter(Boolean).at(-1) ?? '',
      orgName: orgPath,
      orgKind: 'county',
    })),
  };
}

/** The reference meaning of "inside a subtree": the root's id segments are a prefix of the path's. */
function insideBySegments(path: string, root: string): boolean {
  const p = path.split('/').filter(Boolean);
  const r = root.split('/').filter(Boolean);
  return r.every((id, i) => p[i] === id);
}

function thrown(f: () => unknown): AppError {
  try {
    f();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

describe('scopeOf', () => {
  it('keeps only grants whose role carries the permission', () => {
    const a = actorWith(['teacher', '/1/5/23/'], ['tdc_staff', '/1/7/']);
    expect(scopeOf(a, 'org.read')).toEqual(['/1/7/']);
    expect(scopeOf(a, 'teacher.read')).toEqual(['/1/7/']);
    expect(scopeOf(a, 'teacher.reveal_id')).toEqual([]);
    expect(scopeOf(actorWith(), 'org.read')).toEqual([]);
  });

  it('collapses nested grants to the shorter path, whichever comes first', () => {
    expect(scopeOf(actorWith(['bureau_admin', '/1/5/'], ['school_admin', '/1/5/23/']), 'org.read')).toEqual([
      '/1/5/',
    ]);
    expect(scopeOf(actorWith(['school_admin', '/1/5/23/'], ['bureau_admin', '/1/5/']), 'org.read')).toEqual([
      '/1/5/',
    ]);
  });

  it('a nested grant for another permission does not collapse into a root it does not carry', () => {
    const a = actorWith(['tdc_staff', '/1/5/'], ['school_admin', '/1/5/23/']);
    // tdc_staff cannot write teachers, so the school grant stands on its own
    expect(scopeOf(a, 'teacher.write')).toEqual(['/1/5/23/']);
  });

  it('two roles on the same node give one root, not two', () => {
    const a = actorWith(['bureau_admin', '/1/5/'], ['tdc_staff', '/1/5/']);
    expect(scopeOf(a, 'org.read')).toEqual(['/1/5/']);
  });

  it('siblings whose ids share a prefix both stay: /1/50/ is not inside /1/5/', () => {
    const a = actorWith(['bureau_admin', '/1/5/'], ['bureau_admin', '/1/50/']);
    expect(scopeOf(a, 'org.read').sort()).toEqual(['/1/5/', '/1/50/']);
  });
});

describe('can', () => {
  const a = actorWith(['bureau_admin', '/1/5/']);

  it('reaches the node itself and everything below it', () => {
    expect(can(a, 'org.read', '/1/5/')).toBe(true);
    expect(can(a, 'org.read', '/1/5/23/')).toBe(true);
    expect(can(a, 'org.read', '/1/5/23/501/')).toBe(true);
  });

  it('does not reach the parent or a sibling', () => {
    expect(can(a, 'org.read', '/1/')).toBe(false);
    expect(can(a, 'org.read', '/1/6/')).toBe(false);
  });

  it('the materialized-path prefix trap: /1/50/ and /1/5x/ are not inside /1/5/', () => {
    for (const p of ['/1/50/', '/1/50/23/', '/1/51/', '/1/500/7/']) {
      expect(can(a, 'org.read', p), p).toBe(false);
    }
    // and the other way round: a grant on /1/50/ does not reach /1/5/
    expect(can(actorWith(['bureau_admin', '/1/50/']), 'org.read', '/1/5/23/')).toBe(false);
  });

  it('agrees with a segment-by-segment comparison on every pair of a family of look-alike paths', () => {
    const ids = ['5', '50', '51', '500', '15', '05', '1'];
    const paths = ['/1/'];
    for (const x of ids) {
      paths.push(`/1/${x}/`);
      for (const y of ids) paths.push(`/1/${x}/${y}/`);
    }
    for (const root of paths) {
      const actor = actorWith(['bureau_admin', root]);
      for (const p of paths)
        expect(can(actor, 'org.read', p), `${p} in ${root}`).toBe(insideBySegments(p, root));
    }
  });

  it('needs a role that carries the permission', () => {
    expect(can(actorWith(['teacher', '/1/5/']), 'org.read', '/1/5/23/')).toBe(false);
    expect(can(actorWith(['tdc_staff', '/1/5/']), 'teacher.write', '/1/5/23/')).toBe(false);
    expect(can(actorWith(['tdc_staff', '/1/5/']), 'teacher.read', '/1/5/23/')).toBe(true);
  });
});

describe('requirePermission', () => {
  it('returns the scope when the actor holds the permission somewhere', () => {
    const a = actorWith(['bureau_admin', '/1/5/'], ['bureau_admin', '/1/5/23/'], ['bureau_admin', '/1/9/']);
    expect(requirePermission(a, 'teacher.write')).toEqual(['/1/5/', '/1/9/']);
    expect(requirePermission(a, 'teacher.write', '/1/9/44/')).toEqual(['/1/5/', '/1/9/']);
  });

  it('FORBIDDEN (403) naming the permission when no grant carries it', () => {
    const err = thrown(() => requirePermission(actorWith(['teacher', '/1/5/']), 'org.read'));
    expect(err.code).toBe('FORBIDDEN');
    expect(err.status).toBe(403);
    expect(err.details).toEqual({ permission: 'org.read' });
  });

  it('FORBIDDEN for a path outside every root, including the look-alike sibling', () => {
    const a = actorWith(['bureau_admin', '/1/5/']);
    for (const p of ['/1/50/', '/1/6/', '/1/']) {
      const err = thrown(() => requirePermission(a, 'org.read', p));
      expect(err.code, p).toBe('FORBIDDEN');
      expect(err.details).toEqual({ permission: 'org.read' });
    }
    expect(() => requirePermission(a, 'org.read', '/1/5/23/')).not.toThrow();
  });
});

describe('PERMISSIONS', () => {
  it('the teacher role reads no org data and only the two admin roles write org data', () => {
    const roles = (p: keyof typeof PERMISSIONS): readonly Role[] => PERMISSIONS[p];
    expect(roles('org.read')).not.toContain('teacher');
    expect([...roles('org.write')].sort()).toEqual(['bureau_admin', 'system_admin']);
    // revealing a full ID number is never wider than reading teachers
    for (const r of roles('teacher.reveal_id')) expect(roles('teacher.read')).toContain(r);
  });
});
