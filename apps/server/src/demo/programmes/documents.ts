/** A class's deadline documents (报到通知书, 课程表, 工作简报, final reports), handed in on the day they are dated. */
import type { ClassDocumentKind } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import type { YearContext } from './context';

/** Move the clock to `day` and record the document as submitted that day (R-004-09…15). */
export async function submitDocument(
  ctx: YearContext,
  actor: Actor,
  classId: string,
  day: string,
  kind: ClassDocumentKind,
  title: string,
  item?: string,
): Promise<void> {
  await ctx.at(day);
  await ctx.s.classes.addDocument(actor, classId, {
    kind,
    title,
    submittedOn: day,
    ...(item ? { item } : {}),
  });
}
