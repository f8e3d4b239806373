import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import {
  createContext,
  createElement,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useState,
} from 'react';
// the growth archive (成长档案)
import { ARCHIVE_EN, ARCHIVE_ZH } from './i18n-archive';
import { BASE_EN, BASE_ZH } from './i18n-base';
import { CLASSES_EN, CLASSES_ZH } from './i18n-classes';
import { COMMUNITIES_EN, COMMUNITIES_ZH } from './i18n-communities';
// evaluation (评价)
import { EVALUATION_EN, EVALUATION_ZH } from './i18n-evaluation';
import { RUBRICS_EN, RUBRICS_ZH } from './i18n-evaluation-rubrics';
// parents and the public
import { EXAM_RELEASE_EN, EXAM_RELEASE_ZH } from './i18n-exam-release';
import { EXAMS_EN, EXAMS_ZH } from './i18n-exams';
// 五育 comprehensive evaluation
import { FIVE_EDUCATION_EN, FIVE_EDUCATION_ZH } from './i18n-five-education';
// the landing page, the bell's links, the way back from the phone and venue pages
import { HOME_EN, HOME_ZH } from './i18n-home';
// 学时申报
import { HOUR_CLAIMS_EN, HOUR_CLAIMS_ZH } from './i18n-hour-claims';
// 学时达标 (compliance)
import { HOURS_COMPLIANCE_EN, HOURS_COMPLIANCE_ZH } from './i18n-hours-compliance';
// 学时 from other platforms
import { HOURS_EXTERNAL_EN, HOURS_EXTERNAL_ZH } from './i18n-hours-external';
import { IMPORTS_EN, IMPORTS_ZH } from './i18n-imports';
import { KPIWEB_EN, KPIWEB_ZH } from './i18n-kpiweb';
// outcomes and completion
import { OUTCOMES_EN, OUTCOMES_ZH } from './i18n-outcomes';
// 培训总览 and the reasons of a "—" rate
import { OVERVIEW_EN, OVERVIEW_ZH } from './i18n-overview';
// 帮扶结对 (pairings)
import { PAIRINGS_EN, PAIRINGS_ZH } from './i18n-pairings';
import { PLANS_EN, PLANS_ZH } from './i18n-plans';
import { PROGRAMS_EN, PROGRAMS_ZH } from './i18n-programs';
// sentences the server also writes in Chinese: warnings, deadlines, decisions
import { REASONS_EN, REASONS_ZH } from './i18n-reasons';
import { CHECKIN_REASONS_EN, CHECKIN_REASONS_ZH } from './i18n-reasons-checkin';
import { EVALUATION_REASONS_EN, EVALUATION_REASONS_ZH } from './i18n-reasons-evaluation';
import { FINDING_REASONS_EN, FINDING_REASONS_ZH } from './i18n-reasons-findings';
import { HOURS_REASONS_EN, HOURS_REASONS_ZH } from './i18n-reasons-hours';
import { IMPORT_REASONS_EN, IMPORT_REASONS_ZH } from './i18n-reasons-imports';
import { NOTIFICATION_REASONS_EN, NOTIFICATION_REASONS_ZH } from './i18n-reasons-notifications';
import { PLAN_REASONS_EN, PLAN_REASONS_ZH } from './i18n-reasons-plans';
import { QUOTA_REASONS_EN, QUOTA_REASONS_ZH } from './i18n-reasons-quota';
// the rule reference (ⓘ) and import problems
import { RULES_EN, RULES_ZH } from './i18n-rules';
import { SCHOOL_RESEARCH_EN, SCHOOL_RESEARCH_ZH } from './i18n-school-research';
// 评优评先 (annual selections)
import { SELECTIONS_EN, SELECTIONS_ZH } from './i18n-selections';
// ---- shortlist (R-004-59) ----
import { SHORTLISTS_EN, SHORTLISTS_ZH } from './i18n-shortlists';
// 培训者团队 (the trainer pool)
import { TRAINERS_EN, TRAINERS_ZH } from './i18n-trainers';
// the public verification page, issuing a 学时证明
import { VERIFY_EN, VERIFY_ZH } from './i18n-verify';

export const LANGS = ['zh-CN', 'en-US'] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_STORAGE_KEY = 'yx.lang';

/** zh-CN is the source of truth: every key lives there first. */
const zhCN = {
  ...BASE_ZH,
  ...PLANS_ZH,
  ...IMPORTS_ZH,
  ...PROGRAMS_ZH,
  ...KPIWEB_ZH,
  ...OUTCOMES_ZH,
  ...HOURS_EXTERNAL_ZH,
  ...HOURS_COMPLIANCE_ZH,
  ...EXAMS_ZH,
  ...CLASSES_ZH,
  ...EXAM_RELEASE_ZH,
  ...OVERVIEW_ZH,
  ...RULES_ZH,
  // ---- shortlist ----
  ...SHORTLISTS_ZH,
  ...HOME_ZH,
  ...HOUR_CLAIMS_ZH,
  ...VERIFY_ZH,
  ...ARCHIVE_ZH,
  ...TRAINERS_ZH,
  // studios and workshops
  ...COMMUNITIES_ZH,
  // 校本研修
  ...SCHOOL_RESEARCH_ZH,
  // 帮扶结对
  ...PAIRINGS_ZH,
  // 五育
  ...FIVE_EDUCATION_ZH,
  // evaluation (评价)
  ...EVALUATION_ZH,
  ...SELECTIONS_ZH,
  ...RUBRICS_ZH,
  ...REASONS_ZH,
  ...PLAN_REASONS_ZH,
  ...NOTIFICATION_REASONS_ZH,
  ...EVALUATION_REASONS_ZH,
  ...FINDING_REASONS_ZH,
  ...CHECKIN_REASONS_ZH,
  ...QUOTA_REASONS_ZH,
  ...HOURS_REASONS_ZH,
  ...IMPORT_REASONS_ZH,
};

export type MessageKey = keyof typeof zhCN;

const enUS: Record<MessageKey, string> = {
  ...RULES_EN,
  ...PROGRAMS_EN,
  ...KPIWEB_EN,
  ...OUTCOMES_EN,
  ...HOURS_EXTERNAL_EN,
  ...HOURS_COMPLIANCE_EN,
  ...EXAMS_EN,
  ...CLASSES_EN,
  ...EXAM_RELEASE_EN,
  ...OVERVIEW_EN,
  // ---- shortlist ----
  ...SHORTLISTS_EN,
  ...HOME_EN,
  ...HOUR_CLAIMS_EN,
  ...VERIFY_EN,
  ...ARCHIVE_EN,
  ...TRAINERS_EN,
  // studios and workshops
  ...COMMUNITIES_EN,
  // 校本研修
  ...SCHOOL_RESEARCH_EN,
  // 帮扶结对
  ...PAIRINGS_EN,
  // 五育
  ...FIVE_EDUCATION_EN,
  // evaluation (评价)
  ...EVALUATION_EN,
  ...SELECTIONS_EN,
  ...RUBRICS_EN,
  ...BASE_EN,
  ...PLANS_EN,
  ...IMPORTS_EN,
  ...REASONS_EN,
  ...PLAN_REASONS_EN,
  ...NOTIFICATION_REASONS_EN,
  ...EVALUATION_REASONS_EN,
  ...FINDING_REASONS_EN,
  ...CHECKIN_REASONS_EN,
  ...QUOTA_REASONS_EN,
  ...HOURS_REASONS_EN,
  ...IMPORT_REASONS_EN,
};

export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export type Params = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = DICTIONARIES[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function readStoredLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return isLang(stored) ? stored : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function applyLang(lang: Lang): void {
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
}

const I18nContext = createContext<I18n>({
  lang: 'zh-CN',
  setLang: () => undefined,
  t: (key, params) => translate('zh-CN', key, params),
});

export function I18nProvider({ children, initialLang }: { children: ReactNode; initialLang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = initialLang ?? readStoredLang();
    applyLang(initial);
    return initial;
  });
  const setLang = useCallback((next: Lang) => {
    applyLang(next);
    try {
      globalThis.localStorage?.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );
  return createElement(I18nContext.Provider, { value }, children);
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
