/**
 * The three rubrics of seed 003 (济源), transcribed as the spec digest prints them (§2.2–2.4: the Chinese text of
 * each item, its points, evaluation form and 责任科室), with the document's own quotation marks; where the digest
 * shortens a text with "…" (A3.2b, A3.3) the seed's full text is restored. Their inconsistencies are kept as
 * printed and surfaced by `checkRubric`, not corrected here. Evidence lists name what each item's text asks for.
 */
import { pv } from '../programs/policy-value';
import { C5_ETHICS_VETO, DEFAULT_GRADE_BANDS, SELECTION_QUALITY_DEDUCTION } from './settings';
import type { Rubric, RubricNode } from './types';

type Fields = Partial<Omit<RubricNode, 'id' | 'source' | 'children'>>;

function leaf(id: string, source: string, text: string, fields: Fields): RubricNode {
  return { id, source, text, departments: [], evidence: [], ...fields };
}

function indicator(
  id: string,
  title: string,
  points: number,
  source: string,
  children: RubricNode[],
  fields: Fields = {},
): RubricNode {
  return {
    id,
    title,
    points,
    source,
    departments: [],
    evidence: [],
    ...fields,
    ...(children.length > 0 ? { children } : {}),
  };
}

/** Rubric A: 济源示范区"国培计划"项目县绩效评级标准及责任分工 (S003 附件 4). */
export const RUBRIC_A: Rubric = {
  id: 'rubric-a-project-county',
  title: '济源示范区“国培计划”项目县绩效评级标准及责任分工',
  region: '济源示范区',
  source: 'S003:L330-526',
  version: '2022-S003',
  declaredTotal: 100,
  note: '文件只给一级、二级指标分值，二级指标下编号的指标描述不单独计分：按二级指标整体评分；文件未列评价形式',
  nodes: [
    indicator('A1', '组织领导', 8, 'S003:L338-359', [
      indicator('A1.1', '市级工作', 3, 'S003:L341-346', [], {
        text: '项目县所在省辖市教育局高度重视项目县建设工作，积极统筹管理、指导推动项目县建设，并在教师培训政策与市级培训项目安排等方面给予项目县建设配套支持。',
        departments: ['教师教育科'],
        evidence: ['市教育局支持项目县建设的政策文件', '市级培训项目安排'],
      }),
      indicator('A1.2', '县级分工', 5, 'S003:L347-359', [
        leaf(
          'A1.2a',
          'S003:L349-356',
          '成立项目县建设领导小组，由教育局局长任组长，县域教师培训、教科研、电教等部门全过程参与，责任分工合理、明确。',
          {
            departments: ['综合科', '办公室', '人事科', '各相关职能科室'],
            evidence: ['领导小组成立文件及成员名单', '责任分工'],
          },
        ),
        leaf(
          'A1.2b',
          'S003:L352-359',
          '成立项目县建设专家工作组，由县域内外高校专家、教研员、一线名师名校长等组成，全程指导项目县项目组织实施和项目县有关项目建设，并形成机制。',
          {
            departments: ['综合科', '办公室', '人事科', '各相关职能科室'],
            evidence: ['专家工作组成立文件及成员名单', '全程指导的工作机制'],
            note: '责任科室与上一项同一单元格',
          },
        ),
      ]),
    ]),
    indicator('A2', '项目县“国培计划”项目组织实施', 20, 'S003:L360-392', [
      indicator('A2.1', '统筹谋划', 4, 'S003:L366-372', [], {
        text: '项目县高效履行主体责任，在完整、准确、全面理解项目县制度和各类培训项目定位的基础上，积极与承训单位对接，统筹年度各级各类培训资源，制定各类项目实施计划、管理办法等。',
        departments: ['教师教育科'],
        evidence: ['年度各级各类培训资源统筹安排', '各类项目实施计划、管理办法'],
      }),
      indicator('A2.2', '组织实施', 12, 'S003:L373-385', [
        leaf(
          'A2.2a',
          'S003:L375-378',
          '1.配合承训单位，精准遴选参训教师和帮扶学校，确保选送率、参训率、结业率均达到100%。（少报、缺培、未结业每人次扣1分，学员不符合遴选条件每人次扣1分）',
          {
            departments: ['教师教育科'],
            evidence: [
              '参训教师和帮扶学校遴选名单',
              '选送率、参训率、结业率统计',
              '少报、缺培、未结业及不符合遴选条件的人次',
            ],
            deduction: SELECTION_QUALITY_DEDUCTION,
            metric: 'selection_quality_deduction',
          },
        ),
        leaf(
          'A2.2b',
          'S003:L379-382',
          '2.选派教师教育科（股）领导或教师发展中心副校级领导带队并全过程跟班协同管理，确保参训教师学有所获，按时保质保量完成参训任务。',
          { departments: ['教师进修学校'], evidence: ['带队领导及全过程跟班协同管理记录'] },
        ),
        leaf(
          'A2.2c',
          'S003:L383-385',
          '做好各类项目培训工作总结，凝练培训经验特色，生成教师发展数据库、分类建设项目县项目档案。',
          {
            departments: ['教师进修学校'],
            evidence: ['各类项目培训工作总结', '教师发展数据库', '项目县项目档案'],
            note: '文件此条未编号“3.”',
          },
        ),
      ]),
      indicator('A2.3', '协同机制', 4, 'S003:L386-392', [], {
        text: '与高校、优质中小学幼儿园定期沟通、对接，建立联合立项、分工协作、共同推进的教师培训工作机制，实现培训资源深度协同、培训供给持续优化、培训成果及时转化、教师能力有效迁移。',
        departments: ['教师教育科'],
        evidence: ['与高校、优质中小学幼儿园的沟通对接记录', '联合立项、分工协作的工作机制'],
      }),
    ]),
    indicator('A3', '项目县教师发展支持服务体系建设', 40, 'S003:L398-457', [
      indicator('A3.1', '教师发展资源整合', 10, 'S003:L404-416', [
        leaf(
          'A3.1a',
          'S003:L407-411',
          '1.实质性整合培训、教研、电教等资源，成立县级教师发展中心；或教师培训、教研和电教等多方力量在实施教师培训项目、服务教师发展上的功能性整合，且建立常态化、长效化机制。',
          { departments: ['教师教育科'], evidence: ['县级教师发展中心成立文件或功能性整合的机制文件'] },
        ),
        leaf(
          'A3.1b',
          'S003:L412-416',
          '2.建立健全县级教师发展中心、“三名”工作室、教师发展学校和校本研修示范校联动工作机制，协同支持欠发达地区教师队伍建设。',
          { departments: ['办公室', '人事科'], evidence: ['联动工作机制文件'] },
        ),
      ]),
      indicator(
        'A3.2',
        '县域教师发展五年规范方案',
        8,
        'S003:L417-430',
        [
          leaf(
            'A3.2a',
            'S003:L421-424',
            '1.有县域教师培训五年规划，内容包括融合“国培计划”“省培计划”“市培计划”和校本研修等的分层分类、覆盖全员的培训项目体系，能引领教师进阶式专业发展。',
            { departments: ['教师教育科'], evidence: ['县域教师培训五年规划'] },
          ),
          leaf(
            'A3.2b',
            'S003:L425-430',
            '2.有衔接县域教师培训五年规划的项目县培训项目实施方案，厘清各类项目之间的逻辑关系，目标合理，任务具体，成果导向明显。做到培训目标设定、主题设置、内容设计、活动安排、绩效考核、培训推进“六同步”，既能发挥各类培训项目的功能优势，又能实现培训资源的合理配置。',
            { departments: ['教师教育科'], evidence: ['项目县培训项目实施方案'] },
          ),
        ],
        { note: '“规范”疑为“规划”之误，按文件原文保留' },
      ),
      indicator('A3.3', '县级教师培训师队伍建设', 5, 'S003:L431-439', [], {
        text: '建成一支不少于50人的县级教师培训师队伍，建立支持县级教师培训师队伍专业发展、作用发挥的常态化、长效机制。县级教师培训师队伍参与“国培计划”“县级计划”和校本研修等项目中发挥作用的比例不低于90%。',
        departments: ['教师进修学校'],
        evidence: [
          '县级教师培训师名单（不少于50人）',
          '培训师参与项目发挥作用的比例（不低于90%）',
          '培训师专业发展的长效机制',
        ],
        metric: 'trainer_team',
      }),
      indicator('A3.4', '教师发展基地建设', 12, 'S003:L440-451', [
        leaf(
          'A3.4a',
          'S003:L443-446',
          '1.在县域教师培训规划制订、教师培训项目实施、教师人才队伍建设、师范生培养实习等方面，与高校建立项目式合作机制。',
          { departments: ['教师教育科'], evidence: ['与高校的项目式合作协议或方案'] },
        ),
        leaf(
          'A3.4b',
          'S003:L447-451',
          '2.按照不低于参训骨干校长、骨干教师和骨干班主任人数10%的比例建立名校长、名师和名班主任工作室，并有相关管理制度，实际得到贯彻执行。',
          {
            departments: ['基础教育科', '教师教育科'],
            evidence: ['名校长、名师、名班主任工作室名单及参训骨干人数', '工作室管理制度及执行记录'],
            metric: 'studio_ratio',
          },
        ),
      ]),
      indicator('A3.5', '选育用评模式', 5, 'S003:L452-457', [], {
        text: '建立精准选、精心育、精确用、精细评的参训教师管理服务模式，有制度、有方案、有案例、有效果。',
        departments: ['教师进修学校'],
        evidence: ['制度', '方案', '案例', '效果'],
      }),
    ]),
    indicator('A4', '保障措施', 12, 'S003:L458-484', [
      indicator('A4.1', '制度保障', 4, 'S003:L461-466', [], {
        text: '建立有教师培训选育用评管理制度，教师发展基地建设管理与考核制度，县级教师培训师管理制度，教师培训成果应用转化制度等。',
        departments: ['教师进修学校'],
        evidence: [
          '教师培训选育用评管理制度',
          '教师发展基地建设管理与考核制度',
          '县级教师培训师管理制度',
          '教师培训成果应用转化制度',
        ],
      }),
      indicator('A4.2', '经费保障', 5, 'S003:L467-474', [], {
        text: '将相关项目建设经费纳入财政预算，重点用于支持项目县教师发展中心、教师培训师队伍、“三名”工作室、教师发展学校、校本研修示范校等教师发展平台建设和辐射带动作用发挥。',
        departments: ['财审科', '教师教育科'],
        evidence: ['纳入财政预算的项目建设经费', '经费用于教师发展平台建设的情况'],
      }),
      indicator('A4.3', '经验总结推广', 3, 'S003:L475-484', [
        leaf(
          'A4.3a',
          'S003:L478-480',
          '1.积极总结项目县项目组织实施和建设经验，形成具有区域特色的可复制、可推广的项目县建设模式。',
          { departments: ['教师教育科'], evidence: ['项目县建设经验总结及建设模式'] },
        ),
        leaf('A4.3b', 'S003:L481-484', '2.凝练项目县建设成果，积极利用各种媒体宣传展示项目县建设成效。', {
          departments: ['综合科', '相关责任科室'],
          evidence: ['媒体宣传展示材料'],
          note: '文件写“综合科及相关责任科室”',
        }),
      ]),
    ]),
    indicator('A5', '实施效果', 20, 'S003:L491-525', [
      indicator('A5.1', '参训教师', 8, 'S003:L494-499', [], {
        text: '80%以上参训学员形成优秀的学习成果转化实践案例，并发挥骨干教师校长的辐射引领作用，80%以上参训学员有具体引领工作案例。',
        departments: ['教师进修学校'],
        evidence: ['参训学员学习成果转化实践案例（80%以上）', '参训学员引领工作案例（80%以上）'],
      }),
      indicator('A5.2', '教师发展基地', 6, 'S003:L500-515', [
        leaf(
          'A5.2a',
          'S003:L503-506',
          '1.教师发展学校。教师发展学校功能齐全、机制健全，每所教师发展学校帮扶带动1-3所区域内薄弱学校教师发展，效果良好。',
          { departments: ['教师教育科'], evidence: ['教师发展学校帮扶带动薄弱学校（1-3所）的记录'] },
        ),
        leaf(
          'A5.2b',
          'S003:L507-510',
          '2.校本研修示范校。校本研修示范校特色突出、实效性强，每个示范校引领带动1-3所区域内学校建立校本研修常态化机制，效果良好。',
          { departments: ['教师进修学校'], evidence: ['示范校引领带动学校（1-3所）建立常态化机制的记录'] },
        ),
        leaf(
          'A5.2c',
          'S003:L511-515',
          '3.“三名”工作室。工作室特色突出、功能齐全、机制健全，每个工作室每年至少引领5名教师（班主任或校长）专业发展，效果良好。',
          {
            departments: ['教师进修学校', '教育科'],
            evidence: ['工作室每年引领教师（至少5名）专业发展的记录'],
            metric: 'studio_reach',
            note: '文件写“教育科”，疑为基础教育科',
          },
        ),
      ]),
      indicator('A5.3', '县级教师培训生态', 6, 'S003:L516-525', [], {
        text: '县域教师发展中心或教师发展有关资源一体化建设功能健全、作用发挥明显；各级教师培训资源在项目县实现聚合融合；教师发展平台、项目等丰富多元；教师发展积极性、主动性强；教师教育教学能力素养有明显提升，整体教师发展氛围持续向好。',
        departments: ['各相关职能科室'],
        evidence: ['县域教师发展资源一体化建设及教师发展氛围的材料'],
      }),
    ]),
  ],
  scoreGroups: [],
  bands: DEFAULT_GRADE_BANDS,
  normalisation: pv('item_points', 'Y-EVAL-NORMALISE', 'S003:L330-526', '一级、二级分值一致，合计 100 分'),
};

/** Rubric B: 济源产城融合示范区中小学校本研修示范校评价标准 (S003 附件 5). */
export const RUBRIC_B: Rubric = {
  id: 'rubric-b-demonstration-school',
  title: '济源产城融合示范区中小学校本研修示范校评价标准',
  region: '济源产城融合示范区',
  source: 'S003:L626-680',
  version: '2022-S003',
  note: '第 5、6 项合用一个 10 分评分格，第 7、8 项合用一个 20 分评分格；总分栏空白；文件未列责任科室',
  nodes: [
    indicator('B-S1', '制度建设', 15, 'S003:L628-638', [
      leaf('B1', 'S003:L630-632', '学校有三年教师发展规划。规划目标明确，具有可操作性。', {
        evidence: ['学校三年教师发展规划'],
        form: 'review_documents',
        points: 5,
      }),
      leaf(
        'B2',
        'S003:L633-635',
        '有校本研修实施方案。方案与学校三年规划有关联，有具体的研修主题，有评价要求。',
        { evidence: ['校本研修实施方案'], form: 'review_documents', points: 5 },
      ),
      leaf(
        'B3',
        'S003:L636-638',
        '学校成立相应研修团队，具体执行校本研修相关任务。承担校本研修任务的团队有具体实施计划。',
        { evidence: ['研修团队名单及分工', '团队实施计划'], form: 'review_documents', points: 5 },
      ),
    ]),
    indicator('B-S2', '日常研修', 40, 'S003:L639-656', [
      leaf('B4', 'S003:L641-643', '开展师德专题教育，实施“书房计划”，组织读书交流活动。', {
        evidence: ['师德专题教育记录', '“书房计划”及读书交流活动记录'],
        form: 'review_documents',
        points: 5,
      }),
      leaf(
        'B5',
        'S003:L644-645',
        '以专业研修团队为单位，有主题、有主持、有课例、有总结评价、有记录地开展相关研修活动。',
        {
          evidence: ['研修活动的主题、主持、课例、总结评价和记录'],
          form: 'review_documents',
          scoreGroup: 'B5+6',
        },
      ),
      leaf('B6', 'S003:L646-647', '学校领导主持或积极参与研修活动。', {
        evidence: ['学校领导主持或参与研修活动的记录'],
        form: 'review_documents',
        scoreGroup: 'B5+6',
      }),
      leaf(
        'B7',
        'S003:L648-650',
        '借助各类教师工作坊、名师工作室等平台，将研修活动与日常教学有机结合起来，发展学生，成长教师。',
        { evidence: ['借助工作坊、名师工作室开展研修的档案'], form: 'review_archives', scoreGroup: 'B7+8' },
      ),
      leaf('B8', 'S003:L651-652', '建立有完善的教师个人发展档案。', {
        evidence: ['教师个人发展档案'],
        form: 'review_archives',
        scoreGroup: 'B7+8',
      }),
      leaf(
        'B9',
        'S003:L653-656',
        '积极发挥引领辐射作用，参与薄弱学校教育教学指导，在推进区域教育质量发展方面，做出增值性贡献。',
        { evidence: ['参与薄弱学校教育教学指导的档案'], form: 'review_archives', points: 5 },
      ),
    ]),
    indicator('B-S3', '成果呈现', 20, 'S003:L657-662', [
      leaf('B10', 'S003:L659', '研修团队每学期形成实践案例1-2个。', {
        evidence: ['各研修团队每学期的实践案例（1-2个）'],
        form: 'review_documents',
        points: 10,
      }),
      leaf(
        'B11',
        'S003:L660-662',
        '本校教师参与市级各类专业评比中成绩突出，团队教师教学实绩明显，社会满意度高。',
        {
          evidence: ['市级专业评比获奖材料', '团队教师教学实绩', '社会满意度调查'],
          form: 'review_documents',
          points: 15,
        },
      ),
    ]),
    indicator('B-S4', '保障落实', 20, 'S003:L663-679', [
      leaf(
        'B12',
        'S003:L665-669',
        '持续加大对教师队伍建设的投入力度，按照学校年度公用经费预算总额的5%足额安排教师培训经费，积极支持教师外出学习研修，用足年度培训经费，教师使用率不低于经费总数的90%。',
        {
          evidence: ['学校年度公用经费预算及教师培训经费安排（5%）', '培训经费使用情况（不低于90%）'],
          form: 'review_archives',
          points: 5,
          metric: 'school_training_budget',
        },
      ),
      leaf('B13', 'S003:L670-672', '有外出学习教师返岗汇报制度，有记录，有档案，有评价。', {
        evidence: ['返岗汇报制度', '汇报记录、档案和评价'],
        form: 'review_archives',
        points: 5,
      }),
      leaf('B14', 'S003:L673-675', '有教师基本素养日常训练与评价制度，骨干教师管理规范，青年教师培养有效。', {
        evidence: ['教师基本素养日常训练与评价制度', '骨干教师管理及青年教师培养材料'],
        form: 'review_materials',
        points: 5,
      }),
      leaf(
        'B15',
        'S003:L676-679',
        '有专门用于研修活动的专门场地，投影、电脑、桌椅、书籍、录像机等必备设施完备，场地使用率高。',
        { evidence: ['研修专用场地及设施', '场地使用记录'], form: 'site_visit', points: 5 },
      ),
    ]),
  ],
  scoreGroups: [
    {
      id: 'B5+6',
      title: '第5、6项',
      points: 10,
      form: 'review_documents',
      source: 'S003:L644-647',
      note: '文件中两项合用一个评价形式和分值格',
    },
    {
      id: 'B7+8',
      title: '第7、8项',
      points: 20,
      form: 'review_archives',
      source: 'S003:L648-652',
      note: '文件中两项合用一个评价形式和分值格',
    },
  ],
  bands: DEFAULT_GRADE_BANDS,
  normalisation: pv(
    'item_points',
    'Y-EVAL-B-TOTAL',
    'S003:L657-662',
    '“成果呈现 20 分”而所列两项合计 25 分，各项目标注合计 95 分、各项分值合计 100 分：默认以各项分值为准（满分 100，成果呈现按 25 分计）；可改为按标注分值（成果呈现最多计 20 分，满分 95）',
  ),
};

/** Rubric C: 济源示范区中小学优秀教师工作坊评价标准 (S003 附件 6). */
export const RUBRIC_C: Rubric = {
  id: 'rubric-c-excellent-workshop',
  title: '济源示范区中小学优秀教师工作坊评价标准',
  region: '济源示范区',
  source: 'S003:L750-785',
  version: '2022-S003',
  note: '“日常研修 40 分”所列四项合计 35 分，“保障落实 30 分”所列三项合计 25 分：各项分值合计 90 分，标注合计 100 分；总分栏空白；文件未列责任科室',
  nodes: [
    indicator('C-S1', '制度建设', 10, 'S003:L752-759', [
      leaf(
        'C1',
        'S003:L754-756',
        '有工作坊年度研修计划，主题鲜明，措施得力。有详细的工作坊评价细则，操作性强。',
        { evidence: ['工作坊年度研修计划', '工作坊评价细则'], form: 'review_documents', points: 5 },
      ),
      leaf('C2', 'S003:L757-759', '工作坊内部分工明确，骨干与青年教师帮扶指导有要求，有落实，有效果。', {
        evidence: ['内部分工', '骨干帮扶指导青年教师的要求、落实和效果'],
        form: 'review_documents',
        points: 5,
      }),
    ]),
    indicator('C-S2', '日常研修', 40, 'S003:L760-771', [
      leaf('C3', 'S003:L762', '系统开展团队专业共读、专业写作活动。', {
        evidence: ['团队专业共读、专业写作活动记录'],
        form: 'review_documents',
        points: 10,
      }),
      leaf(
        'C4',
        'S003:L763-765',
        '每期研修活动有主题、有主持、有课例、有总结评价、有记录地开展相关研修活动。',
        {
          evidence: ['每期研修活动的主题、主持、课例、总结评价和记录'],
          form: 'review_documents',
          points: 15,
        },
      ),
      leaf(
        'C5',
        'S003:L766-768',
        '团队成员有个人年度发展计划，有评价，有落实，教学业绩有进步。无违反师德现象。',
        {
          evidence: ['成员个人年度发展计划及评价', '教学业绩', '师德情况'],
          form: 'review_archives',
          points: 5,
          veto: C5_ETHICS_VETO,
        },
      ),
      leaf('C6', 'S003:L769-771', '工作坊对全市学科建设及薄弱学校有交流帮扶支持。', {
        evidence: ['对全市学科建设及薄弱学校交流帮扶的档案'],
        form: 'review_archives',
        points: 5,
      }),
    ]),
    indicator('C-S3', '成果呈现', 20, 'S003:L772-775', [
      leaf('C7', 'S003:L774', '研修团队每学期形成教学实践案例1-2个。', {
        evidence: ['研修团队每学期的教学实践案例（1-2个）'],
        form: 'review_documents',
        points: 10,
      }),
      leaf('C8', 'S003:L775', '团队教师参与市级各类专业评比中成绩突出。', {
        evidence: ['市级专业评比获奖材料'],
        form: 'review_documents',
        points: 10,
      }),
    ]),
    indicator('C-S4', '保障落实', 30, 'S003:L776-784', [
      leaf('C9', 'S003:L778', '工作坊专业公众号信息更新及时，有较大影响力', {
        evidence: ['工作坊专业公众号更新记录及影响力'],
        form: 'review_archives',
        points: 15,
      }),
      leaf('C10', 'S003:L779-781', '能够落实核心成员学校巡回开展集中研修活动，辐射带动范围广。', {
        evidence: ['在核心成员学校巡回开展集中研修的记录'],
        form: 'review_archives',
        points: 5,
      }),
      leaf('C11', 'S003:L782-784', '团队研修活动系统、过程资料完整，成员满意度高。', {
        evidence: ['团队研修活动过程资料', '成员满意度调查'],
        form: 'review_materials',
        points: 5,
      }),
    ]),
  ],
  scoreGroups: [],
  bands: DEFAULT_GRADE_BANDS,
  normalisation: pv(
    'scale_to_100',
    'Y-EVAL-C-TOTAL',
    'S003:L750-785',
    '各项分值合计 90 分而标注合计 100 分：默认按各项得分折算为百分制（得分 ÷ 90 × 100，保留一位小数）；可改为以 90 分为满分，或以标注的 100 分为满分（各项目不超过标注分值）',
  ),
};

export const BUILTIN_RUBRICS: readonly Rubric[] = [RUBRIC_A, RUBRIC_B, RUBRIC_C];
