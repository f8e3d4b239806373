/** The data tables the teacher generator draws from: names, subjects, shares, school sizes, phone prefixes. */
import { Weighted, weightedFrom } from '../random';
import type { SchoolType } from './schools';
import type { DemoLocationType } from './spec';

/** Family names weighted by their national frequency (per 10,000), with some Guangdong ones (邝 冼 植). */
export const SURNAMES = weightedFrom(`
  王:712 李:700 张:674 刘:538 陈:453 杨:308 黄:229 赵:228 吴:205 周:199 徐:164 孙:152 马:137 朱:132 胡:131
  郭:119 何:117 林:113 罗:104 高:106 梁:87 郑:87 谢:83 宋:81 唐:79 许:70 邓:68 冯:67 韩:66 曹:64 曾:62
  彭:61 萧:30 肖:30 蔡:55 潘:54 田:53 董:52 袁:51 于:50 余:49 叶:48 蒋:47 杜:46 苏:45 魏:44 程:43 吕:42
  丁:41 沈:40 任:39 姚:38 卢:37 傅:36 钟:35 姜:34 崔:33 谭:32 廖:31 范:30 汪:29 陆:28 金:27 石:26 戴:25
  贾:25 韦:24 夏:24 邱:23 方:23 侯:22 邹:22 熊:21 孟:21 秦:20 白:20 江:19 阎:19 薛:18 尹:18 段:17 雷:17
  黎:16 史:16 龙:15 陶:15 贺:15 顾:14 毛:14 郝:13 龚:13 邵:13 万:12 钱:12 严:12 赖:11 覃:11 洪:11 武:11
  莫:10 孔:10 汤:10 向:10 常:10 温:10 康:9 施:9 文:9 牛:9 樊:8 葛:8 邢:8 安:8 齐:8 易:8 乔:7 伍:7 庞:7
  颜:7 倪:7 庄:7 聂:6 章:6 鲁:6 岳:6 翟:6 殷:6 詹:6 申:5 欧:5 耿:5 关:5 兰:5 焦:5 俞:5 左:5 柳:5 甘:5
  祝:4 包:4 宁:4 符:4 舒:4 阮:4 柯:4 纪:4 梅:4 童:4 凌:4 毕:4 霍:4 涂:4 成:4 古:3 翁:3 骆:3 蓝:3 游:3
  麦:3 岑:3 邝:2 卓:2 简:2 巫:2 冼:2 植:1
  欧阳:3 司徒:1.5 司马:0.6 上官:0.4 诸葛:0.3 皇甫:0.2 东方:0.1
`);

export const FEMALE_CHARS = [
  ...'丽静敏燕艳娟霞芳婷玲红梅慧莉琳颖雪倩洁萍妍欣怡佳嘉晓文雅琴月凤秀英华兰娜美彤璐瑶蕾莹丹晴悦思诗雨梦薇露宁婉媛',
];
export const MALE_CHARS = [
  ...'伟强军勇杰磊涛斌明超刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林洋锋振国建志新海峰文东晨晖亮成永德荣彬',
];

/** Teachers' subjects by 学段, weighted by their share of the teaching force. */
export const PRIMARY_SUBJECTS = weightedFrom(`
  语文:36 数学:28 英语:9 科学:5 道德与法治:4 音乐:4 体育与健康:5 美术:4 信息技术:2 综合实践活动:1 心理健康:1 书法:1
`);
export const SUBJECTS_OF: Record<string, Weighted<string>> = {
  学前教育: weightedFrom('学前教育:1'),
  小学: PRIMARY_SUBJECTS,
  初中: weightedFrom(`
    语文:15 数学:15 英语:14 物理:7 化学:5 生物:5 道德与法治:6 历史:6 地理:5 音乐:3 美术:3 体育与健康:7
    信息技术:3 心理健康:1
  `),
  高中: weightedFrom(`
    语文:13 数学:13 英语:13 物理:9 化学:8 生物:7 思想政治:6 历史:6 地理:6 信息技术:3 通用技术:2 音乐:2
    美术:2 体育与健康:6 心理健康:1 日语:0.5
  `),
  // 专业课 (计算机应用, 电子商务, 汽车运用与维修 …) have no entry in the subject code table: 其他.
  中等职业教育: weightedFrom('语文:10 数学:9 英语:8 思想政治:6 体育与健康:5 信息技术:12 其他:50'),
  特殊教育: weightedFrom('特殊教育:6 语文:1 数学:1 体育与健康:0.5 美术:0.5'),
};

/** The 学段 an 教研员 covers. */
export const TDC_STAGES = weightedFrom('小学:35 初中:30 高中:20 学前教育:8 中等职业教育:4 特殊教育:3');

export const FEMALE_SHARE: Record<string, number> = {
  学前教育: 0.92,
  小学: 0.65,
  初中: 0.44,
  高中: 0.38,
  中等职业教育: 0.45,
  特殊教育: 0.7,
};

export const TITLE_FACTOR: Record<string, number> = {
  学前教育: 0.5,
  小学: 0.7,
  初中: 0.9,
  高中: 1.2,
  中等职业教育: 1,
  特殊教育: 0.8,
};

export const HOMEROOM_SHARE: Record<string, number> = {
  语文: 0.55,
  数学: 0.4,
  英语: 0.3,
  学前教育: 0.45,
  特殊教育: 0.35,
};

/** Mobile number prefixes (China Mobile, Unicom, Telecom). */
export const PHONE_PREFIXES =
  '130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 180 181 182 183 184 185 186 187 188 189 191 193 195 196 197 198 199'.split(
    ' ',
  );

export const START_AGES = new Weighted<number>([
  [21, 15],
  [22, 40],
  [23, 30],
  [24, 15],
]);

export const SIZE: Record<SchoolType, [number, number]> = {
  幼儿园: [12, 25],
  小学: [45, 95],
  教学点: [1, 4],
  初级中学: [40, 75],
  九年一贯制学校: [40, 80],
  完全中学: [110, 200],
  高级中学: [130, 220],
  中等职业学校: [70, 140],
  特殊教育学校: [15, 35],
};

export const LOCATION_SCALED = new Set<SchoolType>(['幼儿园', '小学', '初级中学', '九年一贯制学校']);
export const LOCATION_SIZE: Record<DemoLocationType, number> = { urban: 1.3, town: 0.9, rural: 0.35 };

/** Cumulative shares: special 0.05 %, master 0.1 %, leader 0.2 %, province 0.6 %, city 2.2 %, county 5.5 %, school 11 %. */
export const BACKBONE_CUTS: readonly (readonly [string, number])[] = [
  ['special', 0.0005],
  ['master', 0.0015],
  ['leader', 0.0035],
  ['province', 0.0095],
  ['city', 0.0315],
  ['county', 0.0865],
  ['school', 0.1965],
];
