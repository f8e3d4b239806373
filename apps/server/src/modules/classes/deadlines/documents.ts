/** Deadline documents and alerts: recording a document as submitted, and the overdue / due-soon items in scope. */
import type { ClassAlert, ClassDocument, CreateDocumentRequest } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';
import { AppError } from '../../../shared/app-error';
import { requirePermission, scopeOf } from '../../../shared/permissions';
import { loadManaged, visible } from '../class-access';
import type { DocumentRow } from '../classes.repository';
import { type ClassesContext, todayOf } from '../context';
import { boardOf } from './deadline-board';

export function toDocument(d: DocumentRow): ClassDocument {
  return {
    id: d.id,
    kind: d.kind as ClassDocument['kind'],
    item: d.item,
    title: d.title,
    submittedOn: d.submitted_on,
  };
}

/** Record a deadline document (报到通知书, 课程表, 工作简报, 总结报告) as submitted on a date. */
export async function addDocument(
  ctx: ClassesContext,
  actor: Actor,
  id: string,
  req: CreateDocumentRequest,
): Promise<ClassDocument> {
  const c = await loadManaged(ctx, actor, id);
  const pack = await ctx.cache.packById(c.pack_id);
  const day = todayOf(ctx);
  if (req.submittedOn > day) {
    throw new AppError('VALIDATION_FAILED', `报送日期 ${req.submittedOn} 晚于今天（${day}），不能预先登记`);
  }
  let item = req.item ?? '';
  if (req.kind === 'final_report') {
    const items = pack.deadlines.finalReportItems.value;
    if (!items.includes(item)) {
      throw new AppError('VALIDATION_FAILED', `总结材料应为以下之一：${items.join('、')}`, {
        ruleId: pack.deadlines.finalReportItems.ruleId,
        items,
      });
    }
  } else {
    item = '';
  }
  const w = {
    classId: c.id,
    kind: req.kind,
    item,
    title: req.title ?? '',
    submittedOn: req.submittedOn,
    createdBy: actor.accountId,
  };
  const docId = await ctx.db.transaction().execute(async (trx) => {
    const d = await ctx.repo.insertDocument(w, trx);
    await ctx.audit.record(
      actor,
      { action: 'class.document.create', entity: 'class_document', entityId: d, details: { ...w } },
      trx,
    );
    return d;
  });
  return { id: docId, kind: req.kind, item, title: w.title, submittedOn: w.submittedOn };
}

/** Overdue and due-soon deadline items of every class in the actor's scope, the overdue first. */
export async function alerts(ctx: ClassesContext, actor: Actor): Promise<ClassAlert[]> {
  requirePermission(actor, 'class.read');
  const rows = (
    await ctx.repo.listClasses({
      ownerRoots: scopeOf(actor, 'program.read'),
      providerRoots: [...scopeOf(actor, 'class.read'), ...scopeOf(actor, 'class.manage')],
      limit: 500,
    })
  ).filter((r) => visible(actor, r));
  const docs = await ctx.repo.listDocuments(rows.map((r) => r.id));
  const day = todayOf(ctx);
  const out: ClassAlert[] = [];
  for (const c of rows) {
    const board = await boardOf(
      ctx.repo,
      c,
      await ctx.cache.packById(c.pack_id),
      docs.filter((d) => d.class_id === c.id),
      day,
    );
    for (const i of board) {
      if (i.light !== 'red' && i.light !== 'amber') continue;
      out.push({
        classId: c.id,
        className: c.name,
        programmeTitle: c.programme_title,
        code: i.code,
        label: i.label,
        ruleId: i.ruleId,
        light: i.light,
        dueDate: i.dueDate,
        days: i.days,
        ...(i.count ? { count: i.count } : {}),
        message: i.message,
      });
    }
  }
  const rank = (a: ClassAlert) => (a.light === 'red' ? -a.days : 1000 + a.days);
  return out.sort((a, b) => rank(a) - rank(b));
}
