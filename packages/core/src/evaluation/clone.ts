/**
 * The title a clone of a rubric starts with. A built-in is a region's document (济源's rubrics name 济源 in their
 * title); a unit that clones one makes its own rubric, so the clone takes the unit's name in the region's place,
 * as a policy pack's clone takes its region's name (`cloneDefaults`).
 */
import type { Rubric } from './types';

/**
 * '济源示范区中小学优秀教师工作坊评价标准' cloned by 清城区 → '清城区中小学优秀教师工作坊评价标准': the region the
 * title begins with (`Rubric.region`) replaced by the owner's name. A title that does not begin with its region,
 * a rubric without one, or an owner of that same name keeps the title, marked （副本）.
 */
export function cloneRubricTitle(rubric: Pick<Rubric, 'title' | 'region'>, ownerName: string): string {
  const region = rubric.region?.trim();
  const owner = ownerName.trim();
  if (region && owner && owner !== region && rubric.title.startsWith(region))
    return `${owner}${rubric.title.slice(region.length)}`;
  return `${rubric.title}（副本）`;
}
