/**
 * Every rule code an import row error carries, with what it means in plain words: the one table behind the import
 * error table's "问题" column and the error workbook (the code itself is for officers, in a tooltip). A row
 * error's `message` says the particulars (which value, what was expected); this says the kind of problem. Core's
 * row checks and the server's dry-run take their codes from here, so a code without words does not compile.
 * No imports: the contracts re-export it for the web.
 */
export const ROW_RULE_TEXTS = {
  REQUIRED: { zh: '必填项为空', en: 'Required cell is empty' },
  DUPLICATE_IN_FILE: { zh: '文件中重复', en: 'Repeated in the file' },
  'DATE.INVALID': { zh: '日期无效', en: 'Not a valid date' },
  'PHONE.INVALID': { zh: '手机号格式不正确', en: 'Not a valid mobile number' },
  'NAME.LENGTH': { zh: '姓名长度不符', en: 'Name too short or too long' },
  'NAME.CHARSET': { zh: '姓名含不允许的字符', en: 'Name has characters not allowed' },
  'GB11643.NUMERIC_CELL': { zh: '身份证号被存成了数字', en: 'ID number stored as a number' },
  'GB11643.LEGACY_15': { zh: '不支持 15 位旧身份证号', en: 'Old 15-digit ID number' },
  'GB11643.LENGTH': { zh: '身份证号位数不对', en: 'ID number has the wrong length' },
  'GB11643.CHARSET': { zh: '身份证号含不允许的字符', en: 'ID number has characters not allowed' },
  'GB11643.REGION': { zh: '身份证号地址码无效', en: 'ID number: unknown region code' },
  'GB11643.BIRTHDATE': { zh: '身份证号中的出生日期无效', en: 'ID number: invalid birth date' },
  'GB11643.CHECKSUM': { zh: '身份证号校验位不正确', en: 'ID number: wrong check digit' },
  'GB11643.CROSSCHECK': {
    zh: '与身份证号不一致',
    en: 'Does not match the ID number',
  },
  'ID_NUMBER.UNAVAILABLE': { zh: '身份证号不能由您导入', en: 'ID number registered outside your scope' },
  'TEACHING_START.IN_FUTURE': { zh: '任教起始日期晚于今天', en: 'Teaching start is in the future' },
  'TEACHING_START.BEFORE_AGE_16': { zh: '任教起始时未满 16 周岁', en: 'Teaching start before age 16' },
  'TRAINING_START.INVALID': { zh: '从事培训工作起始年份无效', en: 'Training-work start year invalid' },
  'TRAINING_START.IN_FUTURE': { zh: '从事培训工作起始年份晚于今年', en: 'Training-work start in the future' },
  'TRAINING_START.BEFORE_AGE_16': {
    zh: '从事培训工作起始时未满 16 周岁',
    en: 'Training-work start before age 16',
  },
  'CODE.UNKNOWN_STAGE': { zh: '学段无法识别', en: 'Unknown school stage' },
  'CODE.UNKNOWN_SUBJECT': { zh: '学科无法识别', en: 'Unknown subject' },
  'CODE.UNKNOWN_TITLE': { zh: '职称无法识别', en: 'Unknown professional title' },
  'CODE.UNKNOWN_BACKBONE': { zh: '骨干级别无法识别', en: 'Unknown backbone level' },
  'CODE.UNKNOWN_ROLE': { zh: '任职无法识别', en: 'Unknown role' },
  'CODE.UNKNOWN_SCHOOL_TYPE': { zh: '学校类型无法识别', en: 'Unknown school type' },
  'CODE.UNKNOWN_STATUS': { zh: '在岗状态无法识别', en: 'Unknown employment status' },
  'CODE.UNKNOWN_LOCATION_TYPE': { zh: '城乡类型无法识别', en: 'Unknown location type' },
  'CODE.UNKNOWN_GENDER': { zh: '性别无法识别', en: 'Unknown gender' },
  'SCHOOL_CODE.FORMAT': { zh: '学校标识码格式不正确', en: 'School code is not 10 digits' },
  'SCHOOL_CODE.NOT_FOUND': { zh: '系统中没有这所学校', en: 'No school with this code' },
  'SCHOOL_CODE.TAKEN': { zh: '学校标识码已被其他单位使用', en: 'Code used by another unit' },
  'SCHOOL_NAME.LENGTH': { zh: '学校名称长度不符', en: 'School name too short or too long' },
  'SCHOOL_NAME.CHARSET': { zh: '学校名称含不允许的字符', en: 'School name has characters not allowed' },
  'SCHOOL.COUNTY_CHANGE': { zh: '学校已登记在另一个区县', en: 'School registered in another county' },
  'COUNTY_CODE.FORMAT': { zh: '区县代码格式不正确', en: 'County code is not 6 digits' },
  'COUNTY_CODE.REGION': { zh: '不是有效的县级行政区划代码', en: 'Not a county-level region code' },
  'COUNTY_CODE.NOT_FOUND': { zh: '系统中没有这个区县', en: 'No county with this code' },
  'TOWNSHIP.FORMAT': { zh: '乡镇/街道格式不正确', en: 'Township has the wrong format' },
  'TOWNSHIP.CHARSET': { zh: '乡镇/街道含不允许的字符', en: 'Township has characters not allowed' },
  'TOWNSHIP.COUNTY_MISMATCH': { zh: '乡镇/街道不属于该区县', en: 'Township not in this county' },
  'TOWNSHIP.NOT_FOUND': { zh: '该区县没有这个乡镇/街道', en: 'No such township in the county' },
  'GROUP.LENGTH': { zh: '学区/集团名称过长', en: 'District/group name too long' },
  'GROUP.CHARSET': {
    zh: '学区/集团名称含不允许的字符',
    en: 'District/group name has characters not allowed',
  },
  'SCOPE.SCHOOL': { zh: '学校不在您的管辖范围内', en: 'School outside your scope' },
  'SCOPE.COUNTY': { zh: '区县不在您的管辖范围内', en: 'County outside your scope' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type RowRule = keyof typeof ROW_RULE_TEXTS;

/** The plain words for a row rule code, or undefined for a code this version does not know (an old stored job). */
export function rowRuleText(rule: string, lang: 'zh' | 'en' = 'zh'): string | undefined {
  return Object.hasOwn(ROW_RULE_TEXTS, rule) ? ROW_RULE_TEXTS[rule as RowRule][lang] : undefined;
}
