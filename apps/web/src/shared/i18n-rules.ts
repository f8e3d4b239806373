/**
 * strings of the rule reference (ⓘ after a reason, for officers) and of the import error tables' "问题" column.
 * Spread into the dictionaries of i18n.ts. zh-CN first; `{name}` marks a parameter.
 */
export const RULES_ZH = {
  'rule.ref': '规则依据',
  'rule.id': '规则',
  'rule.source': '出处',
  'rule.value': '取值',
  'rule.note': '说明',
  'rule.column': '依据',
  'rule.code': '规则代码',
  'import.col.problem': '问题',
} as const;

export const RULES_EN: Record<keyof typeof RULES_ZH, string> = {
  'rule.ref': 'Rule',
  'rule.id': 'Rule',
  'rule.source': 'Source',
  'rule.value': 'Value',
  'rule.note': 'Note',
  'rule.column': 'Rule',
  'rule.code': 'Rule code',
  'import.col.problem': 'Problem',
};
