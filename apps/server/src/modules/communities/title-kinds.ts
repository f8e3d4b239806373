import type { TitleCode } from './titles.repository';

/** The title a kind of community holds and the rule it comes from: a workshop's 优秀工作坊, any studio's 优秀工作室. */
export function titleOfKind(kind: string): { title: TitleCode; label: string; ruleId: string } {
  return kind === 'workshop'
    ? { title: 'excellent_workshop', label: '优秀工作坊', ruleId: 'R3-W15' }
    : { title: 'excellent_studio', label: '优秀工作室', ruleId: 'R3-G18' };
}
