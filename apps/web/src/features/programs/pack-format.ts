/**
 * A policy pack as an officer reads it: every rule value (`{ value, ruleId, source, note? }`) found in the
 * pack body, grouped by section and project type, with a label and a formatted value in the user's language.
 * Pure functions: the pack view, the editor and the tests share them.
 * The parts: pack-rule-entries.ts (finding the rule values), pack-sections.ts (grouping them), pack-labels.ts and
 * pack-values.ts (label and value text), pack-edits.ts (editing and problems).
 */
export {
  applyEdits,
  choicesOf,
  type EditKind,
  editKind,
  editsToChanges,
  type PackEdits,
  packProblemsOf,
  problemsByRule,
} from './pack-edits';
export { backboneLabel, codeLabel, ruleLabel, sectionTitle, sourceLabel } from './pack-labels';
export {
  collectRules,
  inSection,
  isRuleValue,
  type RuleEntry,
  type RuleGroup,
  type RuleSection,
} from './pack-rule-entries';
export { groupPackRules } from './pack-sections';
export {
  formatNumber,
  formatOffset,
  formatRuleValue,
  fromDisplayNumber,
  isPlanModeList,
  type NumberUnit,
  numberUnit,
  type PlanModeView,
  planModeViews,
  toDisplayNumber,
  unitText,
} from './pack-values';
