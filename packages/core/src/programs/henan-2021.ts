/**
 * The built-in Henan 2021 pack: 《关于组织实施2021年义务教育师资薄弱环节改善暨中小学教师素质提升工程的通知》
 * and its annex 《中小学教师素质提升工程项目设置说明》 (seed 004), with the five project types.
 *
 * Every value names its rule ID (`../shared/spec/rules-000-002-004.md` §2.1) and seed line. Rule IDs
 * `Y-004-…` are added by Yanxun where the digest gives a clause no ID (the annex's 培训对象 lines for
 * project 1 and 2) or where the rule is the product's own (no overlapping enrolment).
 * Readings chosen for ambiguous clauses carry a note starting with "解读：".
 */
import { deepFreeze, type PolicyPack, type PolicyValue, pv } from './policy-pack';

const h = (hours: number): number => hours * 10;

const COMPULSORY_TOPICS = [
  '习近平新时代中国特色社会主义思想',
  '“四史”教育',
  '师德师风',
  '心理健康',
  '信息技术',
  '国家安全',
  '法治教育',
  '生态教育',
  '国家通用语言文字',
  '幼小衔接',
  '少先队工作',
  '预防校园欺凌',
];

const LESSON_CASE_PARTS = ['教学设计', '课堂教学实录', '教学反思'];

const PROVINCIAL: PolicyValue<'provincial'> = pv(
  'provincial',
  'R-004-01',
  'S004:L14',
  '五类项目均由省教育厅组织实施，执行办公室为"省培计划"项目执行办公室（通知第 28 行）',
);

const AGE_45_NOTE =
  '解读："年龄原则上不超过45周岁"按周岁计算，45 周岁通过、46 周岁需记录理由的例外审批；计算日期见"计算口径"中的年龄、教龄计算日期';

/** Frozen: edit a clone (`clonePackForYear`), never the built-in pack. */
export const HENAN_2021_PACK: PolicyPack = deepFreeze({
  id: 'henan-2021',
  regionCode: '410000',
  year: 2021,
  version: 1,
  status: 'published',
  title: '河南省 2021 年义务教育师资薄弱环节改善暨中小学教师素质提升工程',
  source: {
    seed: 'S004',
    document:
      '关于组织实施2021年义务教育师资薄弱环节改善暨中小学教师素质提升工程的通知（附件：中小学教师素质提升工程项目设置说明）',
    issuer: '河南省教育厅',
    signedOn: '2021-07-16',
  },
  settings: {
    referenceDate: pv(
      { kind: 'selection_deadline' },
      'R-004-56',
      'S004:L128',
      '解读：文件未写年龄（及教龄、培训工作年限）按哪一天计算，取学员遴选截止日（2021-07-30），全省同一天，遴选时即可确定；也可改为开班日或某个固定日期',
    ),
    trainingYearsCounting: pv(
      'year_difference',
      'R-004-55',
      'S004:L128',
      '解读："从事培训工作3年以上"只登记起始年份时按"计算年份 − 起始年份 ≥ 3"计（2018 年起始者 2021 年满 3 年）；"以上"含本数',
    ),
  },
  design: {
    themeBased: pv(true, 'R-004-03', 'S004:L18'),
    compulsoryTopics: pv(COMPULSORY_TOPICS, 'R-004-04', 'S004:L18-20'),
    compulsoryTopicsDelivery: pv('async_online', 'R-004-04', 'S004:L20'),
    practicalShareMinPct: pv(50, 'R-004-05', 'S004:L20', '"实践性课程比例不少于50%"，50% 本身合格'),
    practicalShareBasis: pv(
      'hours',
      'R-004-05',
      'S004:L20',
      '解读：文件未写比例按什么计算，按学时计算：实践性课程学时 ÷ 全部课程学时，集中培训等按天安排的课程按"1 天折合学时"换算',
    ),
    staffing: pv(
      { chiefExperts: 1, subjectClassTeachersPerClass: 1, lifeClassTeachersPerClass: 1 },
      'R-004-07',
      'S004:L22',
      '每个项目 1 名首席专家，每班配学科班主任和生活班主任各至少 1 名',
    ),
    planModes: pv(
      [
        {
          code: 'centralized',
          name: '集中培训',
          unit: 'days',
          countsAs: 'centralized',
          practicalByDefault: false,
        },
        { code: 'online', name: '网络研修', unit: 'hours', countsAs: 'online', practicalByDefault: false },
        {
          code: 'shadowing',
          name: '跟岗实践',
          unit: 'days',
          countsAs: 'centralized',
          practicalByDefault: true,
        },
        {
          code: 'return_practice',
          name: '返岗实践',
          unit: 'days',
          countsAs: 'practice',
          practicalByDefault: true,
        },
        { code: 'workshop', name: '工作坊', unit: 'hours', countsAs: 'online', practicalByDefault: true },
      ],
      'R-004-31',
      'S004:L79',
      '解读：跟岗实践（跟岗研修、名校访学）在集中培训期内，计入集中培训天数；工作坊（主题工作坊网络研修）计入网络研修学时；返岗实践不计入两者（以年计，见各参训对象的"返岗实践"年数）。是否属实践性课程由承训单位逐项标注，此处为默认值',
    ),
    dayHoursTenths: pv(
      80,
      'R-004-05',
      'S004:L20',
      '解读：文件未写天数与学时如何折算；按学时计算实践性课程比例时，集中培训、跟岗、返岗实践 1 天折合 8 学时',
    ),
  },
  deadlines: {
    applicationDue: pv('2021-07-30', 'R-004-08', 'S004:L22-24', '"7月30日前"：当日提交视为按时'),
    applicationFormat: pv('sealed_pdf', 'R-004-08', 'S004:L22'),
    selectionDue: pv('2021-07-30', 'R-004-18', 'S004:L37', '"7月30日前"：当日完成视为按时'),
    classDatesDue: pv('2021-08-10', 'R-004-09', 'S004:L24-26'),
    registrationNotice: pv(
      { anchor: 'class_start', offsetDays: -10, mustBe: 'before' },
      'R-004-10',
      'S004:L26-28',
      '解读："开班前10天"按自然日计，截止日 = 开班日期前第 10 天，当日报送视为按时',
    ),
    timetable: pv(
      { anchor: 'class_start', offsetDays: -5, mustBe: 'before' },
      'R-004-11',
      'S004:L28',
      '解读：截止日 = 开班日期 − 5 个自然日，当日报送视为按时',
    ),
    bulletinsMin: pv(3, 'R-004-14', 'S004:L30'),
    bulletinsBasis: pv(
      'provider_project',
      'R-004-14',
      'S004:L30',
      '解读："每个单位…不少于3期"按承训单位承担的每个项目分别计（同一单位承担两个项目须各报 3 期）',
    ),
    finalReports: pv(
      { anchor: 'class_end', offsetDays: 30, mustBe: 'after' },
      'R-004-15',
      'S004:L30-31',
      '培训结束后 30 个自然日内（含第 30 天）',
    ),
    finalReportItems: pv(
      ['项目实施绩效自评报告', '优秀教师成长行动研究报告', '有关宣传材料汇编'],
      'R-004-15',
      'S004:L30-31',
    ),
  },
  funding: {
    centralizedPerPersonDayFen: pv(40_000, 'R-004-22', 'S004:L39', '集中培训 400 元/人/天'),
    onlinePerPersonHourFen: pv(
      300,
      'R-004-23',
      'S004:L39',
      '解读：文件写"网络研修3元/学时"，未写按人计，按每人每学时 3 元计（与集中培训"400元/人/天"同一口径）',
    ),
    studioSubsidyFen: pv(
      2_000_000,
      'R-004-24',
      'S004:L39-41',
      '每个名师或培训专家工作室 2 万元"师带徒"工作补助，按工作室一次性计',
    ),
  },
  integrityBan: {
    years: pv(3, 'R-004-20', 'S004:L37'),
    kinds: pv(['no_show', 'dismissed', 'not_completed'], 'R-004-20', 'S004:L37'),
    appliesToLevels: pv(
      ['provincial'],
      'R-004-20',
      'S004:L37',
      '"省级组织的集中培训项目"：省培计划；由省级组织实施的国培项目可加入此列表',
    ),
    centralizedOnly: pv(true, 'R-004-20', 'S004:L37', '只限制有集中培训天数的项目（纯网络研修不受限）'),
    anniversary: pv(
      'allowed',
      'R-004-20',
      'S004:L37',
      '解读：限制期自诚信记录日期起算三年，以拟参加项目的开班日期判断；满三年当日（周年日）起可再参加',
    ),
  },
  completion: {
    minAttendancePct: pv(
      80,
      'Y-004-ATTEND-MIN',
      'issue 3',
      '文件未规定结业的出勤比例；默认出勤（签到课次）不低于全部课次的 80%，恰为 80% 可结业',
    ),
    approvedLeave: pv(
      'absent',
      'Y-004-LEAVE-COUNT',
      'issue 3',
      '经批准的请假仍计为缺勤（只是不作为"无故缺勤"）；也可改为"不计入课次总数"或"出勤"',
    ),
    outcomeDueDaysAfterEnd: pv(
      30,
      'Y-004-OUTCOME-DUE',
      'issue 3',
      '学员成果在结业日期后 30 天内提交（含第 30 天），与 R-004-15 总结材料的 30 天一致',
    ),
    outcomePassScore: pv(60, 'Y-004-OUTCOME-PASS', 'issue 3', '成果评分 0–100，60 分及以上为合格'),
    videoOutcomes: pv(
      ['课堂教学实录', '高质量示范课'],
      'Y-004-OUTCOME-VIDEO',
      'S004:L81-85,L177',
      '课堂教学实录、示范课可上传 MP4 视频或填写视频链接；其余成果上传 PDF 或 DOCX',
    ),
    partialHours: pv('none', 'Y-004-HOURS', 'issue 3', '未结业不登记学时；可改为按出勤比例折算'),
    certificateSeqDigits: pv(
      5,
      'Y-004-CERT-NO',
      'issue 3',
      '结业证书编号"年度-项目编号-5 位顺序号"，每个项目从 00001 起连续编号',
    ),
  },
  classOps: {
    dueSoonDays: pv(
      3,
      'Y-004-DUE-SOON',
      'issue 3',
      '截止日前 3 天（含截止日当天）尚未报送的材料在进度看板上显示为黄色',
    ),
    checkinRotationSeconds: pv(
      30,
      'Y-004-QR-ROTATE',
      'issue 3',
      '签到二维码和数字码每 30 秒更换一次，截图转发的旧码很快失效（R-004-12 报到、注册）',
    ),
    checkinGraceWindows: pv(
      1,
      'Y-004-QR-ROTATE',
      'issue 3',
      '上一个周期的码仍可使用（网络慢的手机），更早的码一律拒绝',
    ),
    checkinOpensDaysBefore: pv(
      1,
      'Y-004-CHECKIN-OPEN',
      'issue 3',
      '开班前 1 天起可注册、报到（学员提前一天报到），结业日期之后关闭',
    ),
  },
  noOverlappingEnrolment: pv(
    true,
    'Y-004-OVERLAP',
    'issue 3',
    '同一教师不得同时参加日期重叠的另一个培训项目（起止日期均含当日）',
  ),
  projectTypes: [
    // ------------------------------------------------------------------------------------------------
    {
      code: 'backbone_cultivation',
      name: '省级骨干教师培育项目',
      aliases: ['省级骨干教师培育'],
      definedBy: { ruleId: 'R-004-01', source: 'S004:L66' },
      level: PROVINCIAL,
      cycleYears: pv(1, 'R-004-30', 'S004:L75-77', '名师网络工作室"师带徒"研修 1 年'),
      tracks: [
        {
          code: 'backbone',
          name: '省级骨干教师培育对象',
          kind: 'trainee',
          centralizedDaysTotal: pv(15, 'R-004-29', 'S004:L73'),
          onlineHoursTenths: pv(h(60), 'R-004-29', 'S004:L73-75', '主题工作坊网络研修 60 学时'),
          onlineHoursBasis: pv('per_cycle', 'R-004-29', 'S004:L73-75'),
          eligibility: {
            attestations: pv(
              [{ code: 'provincial_backbone_candidate', label: '省级骨干教师培育对象' }],
              'Y-004-P1-TARGET',
              'S004:L67',
              '培育对象身份由市县教育行政部门确认',
            ),
          },
        },
        {
          code: 'new_teacher',
          name: '新入职教师',
          kind: 'trainee',
          onlineHoursTenths: pv(h(50), 'R-004-30', 'S004:L77'),
          onlineHoursBasis: pv('per_cycle', 'R-004-30', 'S004:L77'),
          practiceYears: pv(1, 'R-004-30', 'S004:L77', '校本实践 1 年'),
          eligibility: {
            attestations: pv(
              [{ code: 'new_teacher', label: '新入职教师' }],
              'Y-004-P1-NEW',
              'S004:L80',
              '新入职教师身份由市县教育行政部门确认',
            ),
          },
        },
        {
          code: 'master',
          name: '省级名师（工作室主持人）',
          kind: 'mentor',
          eligibility: {
            attestations: pv(
              [{ code: 'provincial_master', label: '省级名师' }],
              'R-004-32',
              'S004:L80',
              '由市县教育行政部门遴选',
            ),
          },
        },
      ],
      outcomes: [
        pv(
          {
            owner: 'trainee',
            trackCode: 'backbone',
            mode: 'all',
            items: [
              { code: 'excellent_lesson_case', name: '优秀教学课例', count: 1, parts: LESSON_CASE_PARTS },
              { code: 'self_development_report', name: '自我专业发展报告', count: 1 },
            ],
          },
          'R-004-35',
          'S004:L81-83',
        ),
        pv(
          {
            owner: 'trainee',
            trackCode: 'new_teacher',
            mode: 'all',
            items: [
              { code: 'standard_lesson_case', name: '规范课教学课例', count: 1, parts: LESSON_CASE_PARTS },
            ],
          },
          'R-004-36',
          'S004:L85',
        ),
        pv(
          {
            owner: 'trainee',
            trackCode: 'master',
            mode: 'all',
            items: [{ code: 'studio_practice_case', name: '名师网络工作室实践案例', count: 1 }],
          },
          'R-004-37',
          'S004:L87',
        ),
      ],
      studios: [
        pv(
          {
            code: 'master_online_studio',
            name: '名师网络工作室',
            roles: [
              { role: 'master', name: '省级名师', min: 1, max: 1, trackCode: 'master' },
              { role: 'backbone', name: '省级骨干教师培育对象', min: 10, max: 10, trackCode: 'backbone' },
              { role: 'new_teacher', name: '新入职教师', min: 50, max: 100, trackCode: 'new_teacher' },
            ],
            durationYears: 1,
            subsidised: true,
          },
          'R-004-33',
          'S004:L80',
          '"1名省级名师+10名省级骨干教师培育对象+50至100名新入职教师"；补助见 R-004-24',
        ),
      ],
    },
    // ------------------------------------------------------------------------------------------------
    {
      code: 'county_system',
      name: '县域教师发展支持服务体系建设项目',
      aliases: ['县域教师发展支持服务体系建设'],
      definedBy: { ruleId: 'R-004-01', source: 'S004:L89' },
      level: PROVINCIAL,
      cycleYears: pv(2, 'R-004-42', 'S004:L100'),
      tracks: [
        {
          code: 'county_team',
          name: '县级教师培训团队成员',
          kind: 'trainee',
          centralizedDaysTotal: pv(30, 'R-004-45', 'S004:L105-106', '两年集中培训"不少于30天"，取下限'),
          onlineHoursTenths: pv(h(120), 'R-004-45', 'S004:L106', '主题工作坊研修"不少于120学时"，取下限'),
          onlineHoursBasis: pv('per_cycle', 'R-004-45', 'S004:L105-106', '"为期两年"的合计'),
          planTotalsAreMinimum: pv(
            true,
            'R-004-45',
            'S004:L105-106',
            '"集中培训不少于30天""不少于120学时"：培训方案可多于此数',
          ),
          eligibility: {
            roles: pv(
              {
                anyRole: ['trainer', 'researcher', 'principal', 'vice_principal'],
                anyBackbone: ['master', 'special'],
              },
              'R-004-44',
              'S004:L103',
              '县级培训机构专职培训者、优秀教研员、一线名师名校长；"优秀""名校长"由县局把关',
            ),
          },
        },
        {
          code: 'studio_leader',
          name: '县域名师名校长名班主任（工作室主持人）',
          kind: 'mentor',
          eligibility: {
            attestations: pv(
              [{ code: 'county_level_master', label: '县级以上名师、名校长或名班主任' }],
              'R-004-49',
              'S004:L112-114',
            ),
          },
        },
        {
          code: 'studio_member',
          name: '工作室青年骨干成员',
          kind: 'trainee',
          eligibility: {
            attestations: pv(
              [{ code: 'young_backbone', label: '有发展潜力的青年骨干教师、校长或班主任' }],
              'R-004-49',
              'S004:L114-116',
            ),
          },
        },
      ],
      outcomes: [
        pv(
          {
            owner: 'provider',
            mode: 'all',
            items: [{ code: 'county_system_case', name: '县域教师发展支持服务体系建设实践案例', count: 1 }],
          },
          'R-004-53',
          'S004:L120-122',
        ),
        pv(
          {
            owner: 'county',
            mode: 'all',
            items: [
              { code: 'county_system_report', name: '县域教师发展支持服务体系建设报告', count: 1 },
              { code: 'county_system_plan', name: '县域教师发展支持服务体系建设规划', count: 1 },
            ],
          },
          'R-004-53',
          'S004:L122-124',
        ),
        pv(
          {
            owner: 'dev_school',
            mode: 'all',
            items: [
              { code: 'practice_case', name: '实践案例', count: 1 },
              { code: 'summary_report', name: '建设总结报告', count: 1 },
            ],
          },
          'R-004-53',
          'S004:L124',
        ),
        pv(
          {
            owner: 'studio',
            mode: 'all',
            items: [
              { code: 'practice_case', name: '实践案例', count: 1 },
              { code: 'summary_report', name: '建设总结报告', count: 1 },
            ],
          },
          'R-004-53',
          'S004:L124',
        ),
      ],
      studios: [
        pv(
          {
            code: 'county_master_studio',
            name: '县域名师名校长名班主任工作室',
            roles: [
              { role: 'leader', name: '主持人', min: 1, max: 1, trackCode: 'studio_leader' },
              { role: 'member', name: '成员', min: 10, max: 10, trackCode: 'studio_member' },
            ],
            durationYears: 2,
            subsidised: false,
          },
          'R-004-50',
          'S004:L116',
          '解读：每个工作室"1+10"；R-004-24 的 2 万元补助写明"名师或培训专家工作室""师带徒"，本项目工作室未写"师带徒"，默认不计补助（可改）',
        ),
      ],
      countySystem: {
        projectCounties: pv(
          [
            '新县',
            '光山县',
            '兰考县',
            '新蔡县',
            '南召县',
            '尉氏县',
            '上蔡县',
            '固始县',
            '鲁山县',
            '柘城县',
            '扶沟县',
            '台前县',
            '卢氏县',
          ],
          'R-004-39',
          'S004:L94',
        ),
        trainingTeamSize: pv(50, 'R-004-40', 'S004:L96-98'),
        trainingTeamDomains: pv(
          ['培训管理团队', '培训课程开发团队', '师德培训团队', '培训讲师团队', '项目设计团队'],
          'R-004-40',
          'S004:L96-98',
        ),
        devSchools: pv(4, 'R-004-41', 'S004:L98'),
        devSchoolsPrimary: pv(2, 'R-004-46', 'S004:L108-110'),
        devSchoolsSecondary: pv(2, 'R-004-46', 'S004:L108-110'),
        teamMinPerDevSchool: pv(3, 'R-004-44', 'S004:L103-105'),
        teamMinPerStudio: pv(1, 'R-004-44', 'S004:L105'),
        studios: pv(10, 'R-004-41', 'S004:L98'),
        studioLeaders: pv(
          { masterTeachers: 6, masterPrincipals: 2, masterHeadTeachers: 2 },
          'R-004-49',
          'S004:L112-114',
        ),
        youngMembers: pv(100, 'R-004-49', 'S004:L114-116'),
        pairing: pv({ universities: 1, qualitySchools: 4, provincialTeams: 10 }, 'R-004-43', 'S004:L101'),
      },
    },
    // ------------------------------------------------------------------------------------------------
    {
      code: 'trainer_advanced',
      name: '省级教师培训师高端研修项目',
      aliases: ['省级教师培训师高端研修'],
      definedBy: { ruleId: 'R-004-01', source: 'S004:L126' },
      level: PROVINCIAL,
      cycleYears: pv(2, 'R-004-60', 'S004:L138'),
      traineeTotal: pv(150, 'R-004-58', 'S004:L128'),
      competitiveRatio: pv(1.2, 'R-004-59', 'S004:L128-130', '1:1.2 差额遴选，候选人数 = ⌈名额 × 1.2⌉'),
      shortlistSelection: {
        ownerConfirms: pv(
          true,
          'R-004-59',
          'S004:L128-130',
          '解读："由承训高校遴选确定"：入选与否由承训高校决定并提交；提交后经项目主办单位（教育厅）确认名单即生效，主办单位只可确认或退回（附意见），不可改选。设为否则承训高校提交即生效',
        ),
      },
      tracks: [
        {
          code: 'trainer',
          name: '省级教师培训师',
          kind: 'trainee',
          centralizedDaysPerYear: pv(25, 'R-004-60', 'S004:L138'),
          centralizedDaysTotal: pv(50, 'R-004-61', 'S004:L141'),
          onlineHoursTenths: pv(h(60), 'R-004-60', 'S004:L138-139'),
          onlineHoursBasis: pv(
            'per_year',
            'R-004-60',
            'S004:L138-139',
            '解读："每年集中培训25天、工作坊研修（网络研修60学时+返岗实践1年）"中"每年"同时修饰工作坊研修，按每年 60 学时、两年 120 学时计（网络研修经费按 120 学时即 360 元/人，而非 60 学时的 180 元）',
          ),
          practiceYears: pv(1, 'R-004-60', 'S004:L139', '每年返岗实践 1 年'),
          eligibility: {
            age: {
              max: pv(45, 'R-004-56', 'S004:L128', AGE_45_NOTE),
              soft: pv(true, 'R-004-56', 'S004:L128', '"原则上"：不符合时可记录理由后例外通过'),
            },
            minTrainingWorkYears: pv(3, 'R-004-55', 'S004:L128', '"3年以上"含 3 年'),
            roles: pv(
              {
                anyRole: [
                  'chief_expert',
                  'training_admin',
                  'instructor',
                  'researcher',
                  'principal',
                  'vice_principal',
                ],
                anyBackbone: [],
              },
              'R-004-55',
              'S004:L128',
              '项目首席专家、培训管理者（项目管理和行政管理）、授课专家（高校专家、教研员和优秀教师校园长）；高校专家和优秀教师登记为"授课专家"',
            ),
            attestations: pv(
              [
                { code: 'healthy', label: '身体健康' },
                { code: 'devoted_to_training', label: '热爱教师培训行业，富有教师培训情怀' },
                { code: 'training_expertise', label: '具有扎实的培训理论基础和丰富培训实践经验' },
              ],
              'R-004-57',
              'S004:L128',
            ),
          },
        },
        {
          code: 'expert',
          name: '培训专家（导师）',
          kind: 'mentor',
          eligibility: {
            attestations: pv(
              [{ code: 'appointed_by_province', label: '由省教育厅遴选的省内外培训专家' }],
              'R-004-62',
              'S004:L143',
            ),
          },
        },
      ],
      outcomes: [
        pv(
          {
            owner: 'provider',
            mode: 'all',
            items: [{ code: 'trainer_cultivation_report', name: '教师培训师培育报告', count: 1 }],
          },
          'R-004-64',
          'S004:L145',
        ),
        pv(
          {
            owner: 'trainee',
            trackCode: 'trainer',
            mode: 'any',
            items: [
              { code: 'lecture', name: '优质专题讲座', count: 1 },
              { code: 'training_practice_case', name: '教师培训实践案例', count: 1 },
            ],
          },
          'R-004-64',
          'S004:L147',
          '"1个优质专题讲座或教师培训实践案例"：二选一',
        ),
      ],
      studios: [
        pv(
          {
            code: 'training_expert_studio',
            name: '培训专家工作室',
            roles: [
              { role: 'expert', name: '培训专家', min: 1, max: 1, trackCode: 'expert' },
              { role: 'trainer', name: '省级培训师', min: 10, max: 10, trackCode: 'trainer' },
            ],
            durationYears: 2,
            subsidised: true,
          },
          'R-004-62',
          'S004:L141-143',
          '"1+10"学习共同体，工作室研修为期 2 年；150 人对应 15 个工作室；补助见 R-004-24',
        ),
      ],
    },
    // ------------------------------------------------------------------------------------------------
    {
      code: 'institution_backbone',
      name: '市县级教师培训机构骨干教师培育项目',
      aliases: ['市县级教师培训机构骨干教师培育'],
      definedBy: { ruleId: 'R-004-01', source: 'S004:L149' },
      level: PROVINCIAL,
      cycleYears: pv(1, 'R-004-69', 'S004:L161', '解读：文件未写培训周期，按一个年度项目处理'),
      traineeTotal: pv(200, 'R-004-68', 'S004:L155'),
      tracks: [
        {
          code: 'institution_backbone',
          name: '市县级教师培训机构骨干教师',
          kind: 'trainee',
          centralizedDaysTotal: pv(20, 'R-004-69', 'S004:L161'),
          onlineHoursTenths: pv(h(100), 'R-004-69', 'S004:L161'),
          onlineHoursBasis: pv('per_cycle', 'R-004-69', 'S004:L161'),
          eligibility: {
            age: {
              max: pv(45, 'R-004-68', 'S004:L155', AGE_45_NOTE),
              soft: pv(true, 'R-004-68', 'S004:L155', '"原则上"：不符合时可记录理由后例外通过'),
            },
            minTrainingWorkYears: pv(
              3,
              'R-004-66',
              'S004:L151',
              '"从事市县中小学教师培训工作3年以上"，含 3 年',
            ),
            roles: pv(
              {
                anyRole: [
                  'chief_expert',
                  'training_admin',
                  'instructor',
                  'trainer',
                  'researcher',
                  'principal',
                  'vice_principal',
                ],
                anyBackbone: [],
              },
              'R-004-66',
              'S004:L151-153',
              '项目首席专家、培训管理者、授课专家（县级教师培训机构专兼职培训者、市县教研员和优秀教师校园长）',
            ),
            attestations: pv(
              [
                { code: 'healthy', label: '身体健康' },
                { code: 'devoted_to_training', label: '热爱教师培训行业，富有教师培训情怀' },
                {
                  code: 'grassroots_training_expertise',
                  label: '具有扎实的培训理论基础和丰富的基层教师培训实践经验',
                },
              ],
              'R-004-68',
              'S004:L155',
            ),
            priorities: pv(
              [
                {
                  code: 'songjiao_2021_lead',
                  label: '承担2021年"国培送教下乡精准培训项目"的县级教师培训机构项目首席专家或项目管理者',
                },
              ],
              'R-004-67',
              'S004:L155',
            ),
          },
        },
      ],
      outcomes: [
        pv(
          {
            owner: 'trainee',
            trackCode: 'institution_backbone',
            mode: 'any',
            items: [
              { code: 'lecture', name: '优质专题讲座', count: 1 },
              { code: 'project_plan', name: '项目策划方案', count: 1 },
              { code: 'training_practice_case', name: '教师培训实践案例', count: 1 },
            ],
          },
          'R-004-71',
          'S004:L163',
          '解读："1个优质专题讲座、1个项目策划方案或1个教师培训实践案例"按"三者任选其一"（与项目三 R-004-64 的"或"一致）；如需三者都交，改为"须全部提交"',
        ),
      ],
      studios: [],
    },
    // ------------------------------------------------------------------------------------------------
    {
      code: 'rural_backbone',
      name: '乡村骨干教师素质提升培训项目',
      aliases: ['乡村骨干教师素质提升培训', '乡村教师素质提升培训'],
      definedBy: { ruleId: 'R-004-01', source: 'S004:L14,L165' },
      level: PROVINCIAL,
      cycleYears: pv(1, 'R-004-73', 'S004:L173', '解读：培训时长 15 天，按一个年度项目处理'),
      tracks: [
        {
          code: 'rural_backbone',
          name: '乡村骨干教师',
          kind: 'trainee',
          centralizedDaysTotal: pv(15, 'R-004-73', 'S004:L173'),
          onlineHoursTenths: pv(h(30), 'R-004-74', 'S004:L175', '在线伴随式培训 30 学时'),
          onlineHoursBasis: pv('per_cycle', 'R-004-74', 'S004:L175'),
          eligibility: {
            schoolLocationTypes: pv(
              ['town', 'rural'],
              'R-004-72',
              'S004:L167',
              '解读："乡镇学校"= 城乡类型为镇区或乡村的学校（城区学校不符合）',
            ),
            minTeachingYears: pv(5, 'R-004-72', 'S004:L167', '"教龄5年以上"含 5 年，按周年计'),
            backboneLevels: pv(
              ['school', 'county', 'city', 'province', 'leader', 'master', 'special'],
              'R-004-72',
              'S004:L167',
              '解读："教学骨干"= 已认定任一级骨干教师（含校级）',
            ),
          },
        },
      ],
      outcomes: [
        pv(
          {
            owner: 'trainee',
            trackCode: 'rural_backbone',
            mode: 'all',
            items: [{ code: 'demonstration_lesson', name: '高质量示范课', count: 1 }],
          },
          'R-004-75',
          'S004:L177',
        ),
      ],
      studios: [],
    },
  ],
});
