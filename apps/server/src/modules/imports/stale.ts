/**
 * A dry run is a promise about the records it will change: these teachers (or schools) as they were when it was
 * checked, in these schools (or under these counties and 乡镇). The commit holds the records it changes and writes
 * only if every one of them is still as the dry run saw it; otherwise it writes nothing and says which rows moved
 * on. A dry run also expires, so a forgotten one cannot be committed days later over other people's work.
 */
import { AppError } from '../../shared/app-error';
import type { OrgRow } from '../org';
import type { TeacherRecord } from '../people';

/** The state of an existing record that a commit depends on ('' when there was none). */
export function teacherState(e: TeacherRecord | undefined): string {
  return e ? JSON.stringify(e) : '';
}

export function orgState(o: OrgRow | undefined): string {
  return o ? JSON.stringify(o) : '';
}

/** What a dry run saw of each record it will write, keyed by the record's natural key. */
export class SeenState {
  private readonly byKey = new Map<string, { state: string; row: number }>();

  see(key: string, row: number, state: string): void {
    this.byKey.set(key, { state, row });
  }

  /**
   * The rows (of `keys`) whose record no longer reads as the dry run saw it, except those `settled`: changed
   * already into exactly what this import would write (another commit of the same file), so writing is a no-op.
   */
  changed(keys: Iterable<string>, now: (key: string) => string, settled: (key: string) => boolean): number[] {
    const rows: number[] = [];
    for (const key of keys) {
      const seen = this.byKey.get(key);
      if (seen && seen.state !== now(key) && !settled(key)) rows.push(seen.row);
    }
    return rows.sort((a, b) => a - b);
  }
}

const listRows = (rows: number[]) =>
  `第 ${rows.slice(0, 10).join('、')} 行${rows.length > 10 ? ` 等 ${rows.length} 行` : ''}`;

/** The commit is refused: records it would change were changed (or created, or moved) since the dry run. */
export function staleDryRun(what: '教师' | '学校', rows: number[]): AppError {
  return new AppError(
    'CONFLICT',
    `校验之后，${listRows(rows)}涉及的${what}信息已被修改（或已在其他单位登记、调动）。为免覆盖他人的修改，本次导入未写入任何数据；请重新上传文件校验后再导入`,
    { reason: 'IMPORT_STALE', rows: rows.slice(0, 100), count: rows.length },
  );
}

/** The commit is refused: the dry run is older than the setting allows. */
export function expiredDryRun(expiresAt: Date, minutes: number): AppError {
  return new AppError(
    'CONFLICT',
    `这次导入的校验结果已过期（校验后 ${minutes} 分钟内有效），未写入任何数据；请重新上传文件校验后再导入`,
    { reason: 'IMPORT_EXPIRED', expiresAt: expiresAt.toISOString(), minutes },
  );
}

/** A commit raced another writer of the same new records (the database's unique guard fired). */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string })?.code === '23505';
}

/** The commit is refused: rows name ID numbers the importer may not write (registered outside its scope). */
export function idNumbersUnavailable(rows: number[]): AppError {
  const list = rows.slice(0, 20).join('、') + (rows.length > 20 ? ` 等 ${rows.length} 行` : '');
  return new AppError(
    'CONFLICT',
    `第 ${list} 行的身份证号不能由您导入，本次导入未写入任何数据。请核对身份证号；如该教师从其他单位调入，请由其原单位或上级教育部门办理调动后，删去这些行重新上传`,
    { rule: 'ID_NUMBER.UNAVAILABLE', rows },
  );
}
