/**
 * An activity's photos and files (issue 13: "attendance, records, photos and files"; Y-COMM-ACTIVITY-FILES): who
 * records the activity (its host, or a manager) adds them while it is open and may remove a wrong one; whoever
 * reads the community reads them. Kinds by content (JPG, PNG, PDF, Word, MP4), each within the upload size limit,
 * at most 20 an activity. The bytes are the files module's; the link is this module's.
 */
import { ACTIVITY_FILE_KINDS, ACTIVITY_FILES_MAX, type Activity } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import type { Upload } from '../files';
import { loadActivity, views } from './activities';
import { loadCommunity, loadForRecord } from './community-access';
import type { CommunitiesContext } from './context';

const FILE = '文件';
export const ACTIVITY_FILES_RULE = 'Y-COMM-ACTIVITY-FILES';

function assertOpen(status: string): void {
  if (status !== 'open')
    throw new AppError('CONFLICT', '活动已结束登记，照片和文件不能再增删', { ruleId: ACTIVITY_FILES_RULE });
}

/** Add one photo or file to an open activity; the activity as it now reads. */
export async function addActivityFile(
  ctx: CommunitiesContext,
  actor: Actor,
  id: string,
  activityId: string,
  upload: Upload,
): Promise<Activity> {
  const c = await loadForRecord(ctx, actor, id);
  const a = await loadActivity(ctx, c, activityId);
  assertOpen(a.status);
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.lockActivity(c.county_id, a.id, trx);
    const held = await ctx.repo.filesOf(c.county_id, [a.id], trx);
    if (held.length >= ACTIVITY_FILES_MAX)
      throw new AppError('CONFLICT', `每次活动最多保存 ${ACTIVITY_FILES_MAX} 个照片或文件`, {
        ruleId: ACTIVITY_FILES_RULE,
        max: ACTIVITY_FILES_MAX,
      });
    const meta = await ctx.files.storeAnyOf(
      actor,
      { id: c.host_org_id, path: c.org_path },
      'community_activity',
      [...ACTIVITY_FILE_KINDS],
      upload,
      { trx, ruleId: ACTIVITY_FILES_RULE },
    );
    await ctx.repo.linkFile(
      {
        county_id: c.county_id,
        activity_id: a.id,
        file_id: meta.id,
        added_by: actor.accountId,
        added_at: ctx.now(),
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'community.activity.file',
        entity: 'community_activity',
        entityId: a.id,
        orgId: c.host_org_id,
        details: { communityId: c.id, fileId: meta.id, name: meta.name, size: meta.size },
      },
      trx,
    );
  });
  const [view] = await views(ctx, c, [await loadActivity(ctx, c, a.id)]);
  if (!view) throw notFound('活动');
  return view;
}

/** Remove a photo or file from an open activity (the stored bytes stay, as every upload's do). */
export async function removeActivityFile(
  ctx: CommunitiesContext,
  actor: Actor,
  id: string,
  activityId: string,
  fileId: string,
): Promise<Activity> {
  const c = await loadForRecord(ctx, actor, id);
  const a = await loadActivity(ctx, c, activityId);
  if (!isId(fileId)) throw notFound(FILE);
  assertOpen(a.status);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await ctx.repo.unlinkFile(c.county_id, a.id, fileId, trx))) throw notFound(FILE);
    await ctx.audit.record(
      actor,
      {
        action: 'community.activity.file_removed',
        entity: 'community_activity',
        entityId: a.id,
        orgId: c.host_org_id,
        details: { communityId: c.id, fileId },
      },
      trx,
    );
  });
  const [view] = await views(ctx, c, [await loadActivity(ctx, c, a.id)]);
  if (!view) throw notFound('活动');
  return view;
}

/** One photo or file of an activity the actor may read: its name, type and bytes. */
export async function activityFile(
  ctx: CommunitiesContext,
  actor: Actor,
  id: string,
  activityId: string,
  fileId: string,
): Promise<{ name: string; mime: string; content: Buffer }> {
  const c = await loadCommunity(ctx, actor, id);
  const a = await loadActivity(ctx, c, activityId);
  if (!isId(fileId)) throw notFound(FILE);
  const linked = (await ctx.repo.filesOf(c.county_id, [a.id])).some((l) => l.file_id === fileId);
  const meta = linked ? await ctx.files.meta(fileId) : undefined;
  const content = meta ? await ctx.files.content(fileId) : undefined;
  if (!meta || !content) throw notFound(FILE);
  return { name: meta.name, mime: meta.mime, content };
}
