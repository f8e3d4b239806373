import { Spin } from 'antd';
import { Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { LoginPage } from '../features/auth/login-page';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';
import { RequireAuth } from './require-auth';

function PageLoading() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
    </div>
  );
}

/** Pages load on demand so the login screen does not pull in echarts and the tables. */
export function createAppRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    // ---- pages without sign-in: parents on their phones, the public ----
    {
      path: '/parent',
      hydrateFallbackElement: <PageLoading />,
      lazy: () => import('../features/exams/parent-page').then((m) => ({ Component: m.ParentPage })),
    },
    {
      path: '/public/exams',
      hydrateFallbackElement: <PageLoading />,
      lazy: () =>
        import('../features/exams/public-summary-page').then((m) => ({ Component: m.PublicSummaryListPage })),
    },
    {
      path: '/public/exams/:id',
      hydrateFallbackElement: <PageLoading />,
      lazy: () =>
        import('../features/exams/public-summary-page').then((m) => ({ Component: m.PublicSummaryPage })),
    },
    // the public verification of a 学时证明 or 结业证书 (the QR code on the paper)
    {
      path: '/verify/:code?',
      hydrateFallbackElement: <PageLoading />,
      lazy: () => import('../features/verify/verify-page').then((m) => ({ Component: m.VerifyPage })),
    },
    // ---- classes and check-in: full-screen pages without the app frame (venue screen, teacher's phone) ----
    {
      element: (
        <RequireAuth>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </RequireAuth>
      ),
      hydrateFallbackElement: <PageLoading />,
      children: [
        {
          path: 'checkin',
          lazy: () => import('../features/classes/checkin-page').then((m) => ({ Component: m.CheckinPage })),
        },
        // ---- outcomes and completion: the teacher's phone page ----
        {
          path: 'my-training',
          lazy: () =>
            import('../features/outcomes/my-training-page').then((m) => ({ Component: m.MyTrainingPage })),
        },
        // 学时申报: the teacher's phone page
        {
          path: 'my-hour-claims',
          lazy: () =>
            import('../features/hour-claims/my-hour-claims-page').then((m) => ({
              Component: m.MyHourClaimsPage,
            })),
        },
        {
          path: 'classes/:id/screen',
          lazy: () =>
            import('../features/classes/checkin-screen-page').then((m) => ({
              Component: m.CheckinScreenPage,
            })),
        },
      ],
    },
    {
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      hydrateFallbackElement: <PageLoading />,
      children: [
        {
          index: true,
          lazy: () => import('../features/home/home-page').then((m) => ({ Component: m.HomePage })),
        },
        // ---- quality monitoring ----
        {
          path: 'monitoring',
          lazy: () => import('../features/exams/exams-page').then((m) => ({ Component: m.ExamsPage })),
        },
        {
          path: 'monitoring/exams/:id',
          lazy: () =>
            import('../features/exams/exam-report-page').then((m) => ({ Component: m.ExamReportPage })),
        },
        // ---- grade cut-offs and release; schools' parent access codes ----
        {
          path: 'monitoring/exams/:id/grades',
          lazy: () =>
            import('../features/exams/grade-cuts-page').then((m) => ({ Component: m.GradeCutsPage })),
        },
        {
          path: 'monitoring/access-codes',
          lazy: () =>
            import('../features/exams/access-codes-page').then((m) => ({ Component: m.AccessCodesPage })),
        },
        {
          path: 'monitoring/cycles/:id',
          lazy: () => import('../features/exams/cycle-page').then((m) => ({ Component: m.CyclePage })),
        },
        {
          path: 'orgs',
          lazy: () => import('../features/orgs/orgs-page').then((m) => ({ Component: m.OrgsPage })),
        },
        {
          path: 'orgs/:id',
          lazy: () => import('../features/orgs/orgs-page').then((m) => ({ Component: m.OrgsPage })),
        },
        {
          path: 'schools',
          lazy: () => import('../features/schools/schools-page').then((m) => ({ Component: m.SchoolsPage })),
        },
        {
          path: 'teachers',
          lazy: () =>
            import('../features/teachers/teachers-page').then((m) => ({ Component: m.TeachersPage })),
        },
        {
          path: 'teachers/:id',
          lazy: () =>
            import('../features/teachers/teacher-detail-page').then((m) => ({
              Component: m.TeacherDetailPage,
            })),
        },
        // the growth archive (成长档案, R3-T09): a teacher's, and the teacher's own
        {
          path: 'teachers/:id/archive',
          lazy: () => import('../features/archive/archive-page').then((m) => ({ Component: m.ArchivePage })),
        },
        {
          path: 'me/archive',
          lazy: () => import('../features/archive/archive-page').then((m) => ({ Component: m.ArchivePage })),
        },
        // 培训者团队 (the trainer pool, R3-P*): the pool's page, and the teacher's own application
        {
          path: 'trainers',
          lazy: () =>
            import('../features/trainers/trainers-page').then((m) => ({ Component: m.TrainersPage })),
        },
        {
          path: 'me/trainer',
          lazy: () =>
            import('../features/trainers/my-trainer-page').then((m) => ({ Component: m.MyTrainerPage })),
        },
        // evaluation (评价): campaigns, 评价量表 (rubrics), 评审任务, the subject's own page, the scorecard
        {
          path: 'evaluation/campaigns',
          lazy: () =>
            import('../features/evaluation/campaigns-page').then((m) => ({
              Component: m.EvaluationCampaignsPage,
            })),
        },
        {
          path: 'evaluation/campaigns/:id',
          lazy: () =>
            import('../features/evaluation/campaign-page').then((m) => ({
              Component: m.EvaluationCampaignPage,
            })),
        },
        // 评优评先 (annual selections, R3-G18, R3-S06…S08)
        {
          path: 'evaluation/selections',
          lazy: () =>
            import('../features/evaluation/selections-page').then((m) => ({
              Component: m.EvaluationSelectionsPage,
            })),
        },
        {
          path: 'evaluation/selections/:id',
          lazy: () =>
            import('../features/evaluation/selection-page').then((m) => ({
              Component: m.EvaluationSelectionPage,
            })),
        },
        {
          path: 'evaluation/rubrics',
          lazy: () =>
            import('../features/evaluation/rubrics/rubrics-page').then((m) => ({
              Component: m.EvaluationRubricsPage,
            })),
        },
        {
          path: 'evaluation/rubrics/:ref',
          lazy: () =>
            import('../features/evaluation/rubrics/rubric-page').then((m) => ({
              Component: m.EvaluationRubricPage,
            })),
        },
        {
          path: 'evaluation/tasks',
          lazy: () =>
            import('../features/evaluation/tasks-page').then((m) => ({ Component: m.EvaluationTasksPage })),
        },
        {
          path: 'evaluation/tasks/:id',
          lazy: () =>
            import('../features/evaluation/sheet-page').then((m) => ({ Component: m.EvaluationSheetPage })),
        },
        {
          path: 'evaluation/mine',
          lazy: () =>
            import('../features/evaluation/my-subjects-page').then((m) => ({
              Component: m.EvaluationMySubjectsPage,
            })),
        },
        {
          path: 'evaluation/subjects/:id',
          lazy: () =>
            import('../features/evaluation/subject-page').then((m) => ({
              Component: m.EvaluationSubjectPage,
            })),
        },
        {
          path: 'evaluation/subjects/:id/scorecard',
          lazy: () =>
            import('../features/evaluation/scorecard-page').then((m) => ({
              Component: m.EvaluationScorecardPage,
            })),
        },
        {
          path: 'imports',
          lazy: () => import('../features/imports/imports-page').then((m) => ({ Component: m.ImportsPage })),
        },
        {
          path: 'hours-imports',
          lazy: () =>
            import('../features/hours-imports/hours-imports-page').then((m) => ({
              Component: m.HoursImportsPage,
            })),
        },
        // 学习平台对接: the xAPI platforms that post online study (the system administrator)
        {
          path: 'xapi-platforms',
          lazy: () =>
            import('../features/xapi-platforms/xapi-platforms-page').then((m) => ({
              Component: m.XapiPlatformsPage,
            })),
        },
        // ---- shortlist: the provider's selection from a competitive shortlist (R-004-59) ----
        {
          path: 'shortlists',
          lazy: () =>
            import('../features/shortlists/shortlists-page').then((m) => ({ Component: m.ShortlistsPage })),
        },
        {
          path: 'shortlists/:id',
          lazy: () =>
            import('../features/shortlists/shortlist-page').then((m) => ({ Component: m.ShortlistPage })),
        },
        // plans
        {
          path: 'plans',
          lazy: () => import('../features/plans/plans-page').then((m) => ({ Component: m.PlansPage })),
        },
        {
          path: 'plans/:id',
          lazy: () => import('../features/plans/plan-page').then((m) => ({ Component: m.PlanPage })),
        },
        {
          path: 'programmes/:id/budget',
          lazy: () => import('../features/plans/budget-page').then((m) => ({ Component: m.BudgetPage })),
        },
        // ---- classes ----
        {
          path: 'classes',
          lazy: () => import('../features/classes/classes-page').then((m) => ({ Component: m.ClassesPage })),
        },
        {
          path: 'classes/:id',
          lazy: () =>
            import('../features/classes/class-detail-page').then((m) => ({ Component: m.ClassDetailPage })),
        },
        {
          path: 'classes/:id/live',
          lazy: () =>
            import('../features/classes/live-board-page').then((m) => ({ Component: m.LiveBoardPage })),
        },
        // ---- outcomes and completion ----
        {
          path: 'classes/:id/outcomes',
          lazy: () =>
            import('../features/outcomes/outcome-review-page').then((m) => ({
              Component: m.OutcomeReviewPage,
            })),
        },
        {
          path: 'classes/:id/completion',
          lazy: () =>
            import('../features/outcomes/class-completion-page').then((m) => ({
              Component: m.ClassCompletionPage,
            })),
        },
        // ── programmes ──────────────────────────────────────────────────────────────
        {
          path: 'packs',
          lazy: () => import('../features/programs/packs-page').then((m) => ({ Component: m.PacksPage })),
        },
        {
          path: 'packs/:id',
          lazy: () =>
            import('../features/programs/pack-detail-page').then((m) => ({ Component: m.PackDetailPage })),
        },
        {
          path: 'programmes',
          lazy: () =>
            import('../features/programs/programmes-page').then((m) => ({ Component: m.ProgrammesPage })),
        },
        {
          path: 'programmes/:id',
          lazy: () =>
            import('../features/programs/programme-detail-page').then((m) => ({
              Component: m.ProgrammeDetailPage,
            })),
        },
        {
          path: 'integrity',
          lazy: () =>
            import('../features/programs/integrity-page').then((m) => ({ Component: m.IntegrityPage })),
        },
        // 学时申报: the school's and the county's review queue
        {
          path: 'hour-claims',
          lazy: () =>
            import('../features/hour-claims/hour-claim-review-page').then((m) => ({
              Component: m.HourClaimReviewPage,
            })),
        },
        // 校本研修: a school's plan, records and certified 学时; the 进修学校's review and spot checks
        {
          path: 'school-research',
          lazy: () =>
            import('../features/school-research/school-research-page').then((m) => ({
              Component: m.SchoolResearchPage,
            })),
        },
        // 帮扶结对: dev/demo schools and their partners, studio–workshop pairs, joint activities
        {
          path: 'pairings',
          lazy: () =>
            import('../features/pairings/pairings-page').then((m) => ({ Component: m.PairingsPage })),
        },
        // 五育评价: frameworks, monitoring rounds with their sample, results with what-if weights and sensitivity
        {
          path: 'five-education',
          lazy: () =>
            import('../features/five-education/five-education-page').then((m) => ({
              Component: m.FiveEducationPage,
            })),
        },
        // 学时达标: who is on track for the 学时 cycle and the school year, per unit; reminders
        {
          path: 'hours/compliance',
          lazy: () =>
            import('../features/hours-compliance/hours-compliance-page').then((m) => ({
              Component: m.HoursCompliancePage,
            })),
        },
        // 培训总览, the cross-programme overview of a year
        {
          path: 'training-overview',
          lazy: () =>
            import('../features/reports/overview-page').then((m) => ({
              Component: m.TrainingOverviewPage,
            })),
        },
        // the teacher's own integrity records (appeal from a phone)
        {
          path: 'me/integrity',
          lazy: () =>
            import('../features/programs/integrity-appeals').then((m) => ({ Component: m.MyIntegrityPage })),
        },
        // studios and workshops (工作室, 工作坊): the registry, one community, the monthly review, a teacher's own
        {
          path: 'communities',
          lazy: () =>
            import('../features/communities/communities-page').then((m) => ({
              Component: m.CommunitiesPage,
            })),
        },
        {
          path: 'communities/review',
          lazy: () =>
            import('../features/communities/community-review-page').then((m) => ({
              Component: m.CommunityReviewPage,
            })),
        },
        {
          path: 'communities/:id',
          lazy: () =>
            import('../features/communities/community-page').then((m) => ({ Component: m.CommunityPage })),
        },
        {
          path: 'me/communities',
          lazy: () =>
            import('../features/communities/my-communities-page').then((m) => ({
              Component: m.MyCommunitiesPage,
            })),
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
