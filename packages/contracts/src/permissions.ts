import type { Role } from './auth';

/**
 * Who may do what, declaratively: a permission is carried by holding one of these roles on an org node, and
 * reaches that node's subtree only. The server enforces it (apps/server/src/shared/permissions.ts); the web
 * uses it only to hide what a user cannot do.
 */
export const PERMISSIONS = {
  'org.read': [
    'system_admin',
    'bureau_admin',
    'tdc_staff',
    'school_admin',
    'provider_staff',
    'trainer',
    'evaluator',
  ],
  'org.write': ['system_admin', 'bureau_admin'],
  'teacher.read': ['system_admin', 'bureau_admin', 'tdc_staff', 'school_admin'],
  'teacher.write': ['system_admin', 'bureau_admin', 'school_admin'],
  'teacher.reveal_id': ['system_admin', 'bureau_admin', 'school_admin'],
  'import.schools': ['system_admin', 'bureau_admin'],
  'import.teachers': ['system_admin', 'bureau_admin', 'school_admin'],
  'audit.read': ['system_admin', 'bureau_admin'],
  /** Policy packs: read by everyone who works on programmes; written at province or city level (checked in the service). */
  'pack.read': ['system_admin', 'bureau_admin', 'tdc_staff', 'school_admin'],
  'pack.manage': ['system_admin', 'bureau_admin'],
  'program.read': ['system_admin', 'bureau_admin', 'tdc_staff', 'school_admin'],
  'program.manage': ['system_admin', 'bureau_admin'],
  /** Passing seats down the cascade and pulling unused ones back (R-004-17). */
  'quota.allocate': ['bureau_admin'],
  'nomination.write': ['bureau_admin', 'school_admin'],
  /** 诚信档案 (R-004-20). */
  'integrity.manage': ['system_admin', 'bureau_admin'],
  // ---- plans ----
  /** Draft and submit a training plan (申报书) for a programme, on the provider org the role sits on. */
  'plan.submit': ['provider_staff'],
  /** Review plans of programmes owned in the subtree: return with comments or approve. */
  'plan.review': ['bureau_admin'],
  /** A programme's budget vs actual: its owner's bureau (and above); the approved provider (checked in the service). */
  'budget.read': ['system_admin', 'bureau_admin', 'provider_staff'],
  /** Record spending of a programme owned in the subtree. */
  'spending.write': ['bureau_admin'],
  // ---- classes and check-in ----
  /** Classes (期/班): read by the bureaus of the programme and the provider running the class. */
  'class.read': ['system_admin', 'bureau_admin', 'tdc_staff', 'school_admin', 'provider_staff', 'trainer'],
  /** Sessions, documents, enrolment: the provider org of the class (bureaus manage through program.manage). */
  'class.manage': ['system_admin', 'bureau_admin', 'provider_staff'],
  /** The venue's full-screen rotating QR code and the live board. */
  'checkin.display': ['system_admin', 'bureau_admin', 'provider_staff'],
  /** Marking attendance by hand (a phone that cannot check in). */
  'attendance.write': ['system_admin', 'bureau_admin', 'provider_staff'],
  /** A teacher asks leave for a session of their own class. */
  'leave.request': ['teacher'],
  'leave.decide': ['system_admin', 'bureau_admin', 'provider_staff'],
  // ---- outcomes and completion ----
  /** A trainee hands in the outcomes of their own class. */
  'outcome.submit': ['teacher'],
  /** Review outcomes of a class run by the provider org the role sits on (bureaus through program.manage). */
  'outcome.review': ['system_admin', 'bureau_admin', 'provider_staff', 'trainer'],
  /** Run completion (结业) of a class of the provider org (bureaus through program.manage). */
  'completion.run': ['system_admin', 'bureau_admin', 'provider_staff'],
  /** A teacher's hours record, for the staff who may read the teacher. */
  'hours.read': ['system_admin', 'bureau_admin', 'tdc_staff', 'school_admin'],
  /** Reverse a posting of hours with a reason. */
  'hours.reverse': ['system_admin', 'bureau_admin'],
  /** 学时申报: a teacher claims 学时 with evidence and withdraws their own claims. */
  'hours.claim': ['teacher'],
  /** 学时申报, step 1: the teacher's school reviews (approves to the county or returns). */
  'hours.claim.review': ['school_admin'],
  /** 学时申报, step 2: the county (or above) approves, posting to the ledger, or returns. */
  'hours.claim.approve': ['system_admin', 'bureau_admin'],
  /** Import 学时 records of other platforms and resolve the review queue, for teachers of the subtree. */
  'hours.import': ['system_admin', 'bureau_admin'],
  /** Register the platforms that post xAPI statements (their tokens). */
  'hours.platforms': ['system_admin'],
  /** Remind the teachers of the subtree who are behind on their 学时 (a notification each, at most once a week). */
  'hours.remind': ['system_admin', 'bureau_admin', 'tdc_staff', 'school_admin'],
  /** Issue a teacher's 学时证明 in the bureau's name (the org the role sits on) and revoke one issued. */
  'hours.certify': ['system_admin', 'bureau_admin'],
  /** A teacher prints their own 学时证明 (Y-HOURS-SELF-TRANSCRIPT). */
  'hours.transcript.self': ['teacher'],
  // ---- exams and teaching-quality monitoring ----
  /** Exam reports, as the audience policy allows (school admins: their own school, in grade bands where due). */
  'exam.read': ['system_admin', 'bureau_admin', 'tdc_staff', 'school_admin'],
  /** Create exams and cycles, upload and commit scores, edit indicator systems, draw samples. */
  'exam.manage': ['system_admin', 'bureau_admin', 'tdc_staff'],
  /** The monitoring office: full diagnostics (scores, ranks, items, value-added, early warnings). */
  'exam.diagnose': ['system_admin', 'bureau_admin', 'tdc_staff'],
  // ---- parents' access codes ----
  /** Issue per-student access codes for parents (the school hands out the Excel list). */
  'exam.codes': ['system_admin', 'bureau_admin', 'school_admin'],
  // ---- shortlist: the provider's selection from a competitive shortlist (R-004-59) ----
  /** Score, mark and submit the selection of a programme whose approved provider is the org the role sits on. */
  'shortlist.select': ['provider_staff'],
  /** Confirm or return a submitted selection of a programme owned in the subtree. */
  'shortlist.review': ['system_admin', 'bureau_admin'],
  // ---- the trainer pool (培训者团队, R3-P*) ----
  /** A teacher applies to their county's or city's trainer pool (their own application only). */
  'trainer.apply': ['teacher'],
  /** The teacher's school recommends or returns an application (R3-P07). */
  'trainer.recommend': ['school_admin'],
  /** The bureau (or its 进修学校/教师发展中心) of the pool's county or city approves, appoints, assesses, revokes, assigns. */
  'trainer.approve': ['bureau_admin', 'tdc_staff'],
  /** The pool's records: the bureaus above the pool, and a school for its own teachers. */
  'trainer.read': ['system_admin', 'bureau_admin', 'tdc_staff', 'school_admin'],
  // ---- studios and workshops (工作室, 工作坊) ----
  /** Read the studios and workshops hosted in the subtree (a teacher reads their own through /me/communities). */
  'community.read': ['system_admin', 'bureau_admin', 'tdc_staff', 'school_admin'],
  /** Create, register and edit the roster and plan of studios and workshops hosted in the subtree. */
  'community.manage': ['system_admin', 'bureau_admin', 'tdc_staff'],
  /** The monthly review (R3-G17): record feedback on a community's month. */
  'community.review': ['bureau_admin', 'tdc_staff'],
  // ---- 校本研修 (school-based research) ----
  /** The school's annual plan, implementation records and the certification of its teachers' 学时. */
  'school_research.submit': ['school_admin'],
  /** The 进修学校 (and bureau): review plans, assess semesters, draw and record spot checks. */
  'school_research.review': ['tdc_staff', 'bureau_admin'],
  /** Read schools' plans, records, assessments and archives in the subtree. */
  'school_research.read': ['system_admin', 'bureau_admin', 'tdc_staff', 'school_admin'],
  // ---- 帮扶结对 (pairings: R3-B05, R3-B06, R3-G20) ----
  /** Read the pairings led by or partnering a unit in the subtree (a school: its own). */
  'pairing.read': ['system_admin', 'bureau_admin', 'tdc_staff', 'school_admin'],
  /** Create and edit pairings led in the subtree (a county bureau, its 进修学校). */
  'pairing.manage': ['bureau_admin', 'tdc_staff'],
  /** Record a pairing's joint activities: its managers, and the lead school itself. */
  'pairing.record': ['bureau_admin', 'tdc_staff', 'school_admin'],
  /** Record a workshop's 优秀工作坊 title for a year (R3-W15). */
  'community.title': ['bureau_admin'],
  // ---- 五育 comprehensive evaluation (CD-24, CD-25) ----
  /** Read frameworks, rounds and results in the subtree (a school: its own results). */
  'five_edu.read': ['system_admin', 'bureau_admin', 'tdc_staff', 'school_admin'],
  /** Write frameworks, run rounds, draw the sample and enter indicator values. */
  'five_edu.manage': ['system_admin', 'bureau_admin', 'tdc_staff'],
  // ---- evaluation (评价) ----
  /** Read the campaigns owned in the subtree, their subjects, scores and scorecards. */
  'evaluation.read': ['system_admin', 'bureau_admin', 'tdc_staff'],
  /** Rubrics, campaigns owned in the subtree: subjects, raters, steps, moderation, appeals, publication. */
  'evaluation.manage': ['system_admin', 'bureau_admin', 'tdc_staff'],
  /** Score the subjects one is assigned to (a rater sees nothing else). */
  'evaluation.score': ['evaluator', 'bureau_admin', 'tdc_staff'],
  /** A subject's own unit: evidence, self-scores, appeals, its scorecard. */
  'evaluation.evidence': ['bureau_admin', 'tdc_staff', 'school_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Whether any of these roles carries the permission somewhere. */
export function anyRoleHas(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}

/**
 * Who reads rule IDs, their source clauses and values beside a reason (the ⓘ after a sentence): those who work
 * against the policy pack, the officers who read it (pack.read) and the providers who write plans to it
 * (plan.submit). Teachers, trainers, evaluators and parents read the sentence only.
 */
export const RULE_REF_PERMISSIONS = ['pack.read', 'plan.submit'] as const satisfies readonly Permission[];

/** Whether any of these roles reads rule references (RULE_REF_PERMISSIONS). */
export function readsRuleRefs(roles: readonly Role[]): boolean {
  return RULE_REF_PERMISSIONS.some((p) => anyRoleHas(roles, p));
}
