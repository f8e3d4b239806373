import { maskIdNumber, maskPhone, parseIdNumber, parsePhone, toHalfWidth } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError } from '../../../shared/app-error';
import { can, scopeOf } from '../../../shared/permissions';
import type { TeacherQuery } from './teachers.repository';

/**
 * A teacher's full ID number and full phone number are personal identifiers. One permission governs both,
 * `teacher.reveal_id` (system, bureau and school admins, in their subtree): in every path — detail, search,
 * exports — a role without it there gets masked values only, and every full value handed out is audited.
 */
export const REVEAL = 'teacher.reveal_id' as const;

/** Digits (with spaces, dashes, dots, brackets, a leading +) and at most a final X: an identifier, not a name. */
const IDENTIFIER_LIKE = /^(?=.*\d)\+?[\d\s\-.()]+[xX]?$/;

/**
 * Names and pinyin search by prefix, as before. Anything made of digits is an identifier and is looked up only
 * whole: an 18-character ID number that passes GB 11643 (checksum included) or an 11-digit mobile number.
 * A part of one (a tail, a prefix) is refused, so search cannot be used to complete a masked number.
 */
export function parseTeacherQuery(q: string | undefined, today: string): TeacherQuery | undefined {
  const term = q?.trim();
  if (!term) return undefined;
  const half = toHalfWidth(term);
  if (IDENTIFIER_LIKE.test(half)) {
    const id = parseIdNumber(half, { today });
    if (id.ok) return { kind: 'idNumber', value: id.value.idNumber };
    const phone = parsePhone(half);
    if (phone) return { kind: 'phone', value: phone };
    throw new AppError(
      'VALIDATION_FAILED',
      '按身份证号或手机号查找时，请输入完整、正确的 18 位身份证号或 11 位手机号（不支持按号码的一部分查找）',
      { field: 'q' },
    );
  }
  if (/^[a-zA-Z]+$/.test(term)) return { kind: 'pinyin', value: term.toLowerCase() };
  return { kind: 'name', value: term };
}

/** The subtrees both lists of roots cover (each root is an org path; a path covers the paths below it). */
export function intersectRoots(a: string[], b: string[]): string[] {
  const out = new Set<string>();
  for (const x of a) {
    for (const y of b) {
      if (x.startsWith(y)) out.add(x);
      else if (y.startsWith(x)) out.add(y);
    }
  }
  return [...out];
}

/**
 * The roots a search by ID number or phone may look in: the teacher.read roots cut down to where the actor may
 * see full identifiers. A role without the permission anywhere is refused (403): such a search would confirm a
 * number it may not see.
 */
export function identifierSearchRoots(actor: Actor, readRoots: string[]): string[] {
  const reveal = scopeOf(actor, REVEAL);
  if (reveal.length === 0) {
    throw new AppError(
      'FORBIDDEN',
      '按身份证号或手机号查找教师，需要有查看完整身份证号和手机号的权限；请按姓名或拼音查找',
      { permission: REVEAL },
    );
  }
  return intersectRoots(readRoots, reveal);
}

/**
 * Identifiers of teacher rows as the actor may see them: full where it holds `teacher.reveal_id` over the
 * row's school, masked elsewhere; counts the full values handed out, for the one audit entry of an export.
 */
export function identifierView(actor: Actor) {
  const roots = scopeOf(actor, REVEAL);
  const full = (orgPath: string) => roots.some((r) => orgPath.startsWith(r));
  let idNumbers = 0;
  let phones = 0;
  return {
    idNumber(orgPath: string, value: string): string {
      if (!full(orgPath)) return maskIdNumber(value);
      idNumbers++;
      return value;
    },
    phone(orgPath: string, value: string | null): string {
      if (!value) return '';
      if (!full(orgPath)) return maskPhone(value);
      phones++;
      return value;
    },
    counts: () => ({ fullIdNumbers: idNumbers, fullPhones: phones }),
  };
}

/** Whether the actor may see this teacher's full ID number and phone. */
export function mayReveal(actor: Actor, orgPath: string): boolean {
  return can(actor, REVEAL, orgPath);
}
