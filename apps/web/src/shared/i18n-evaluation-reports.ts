/** Strings of 评价's exports and year-over-year comparison (the campaign page and the scorecard). */
export const EVALUATION_REPORTS_ZH = {
  'eval.exportExcel': '导出 Excel',
  'eval.downloadPdf': '下载 PDF',
  'eval.history': '历年对比',
  'eval.historyEmpty': '暂无往年同一评价标准的已发布结果',
  'eval.historyNote':
    '同一评价对象在往年已发布、使用同一评价标准（含其各版本）的评价活动中的结果；变化为本次减该年。',
  'eval.historyYear': '{year} 年',
  'eval.historyChange': '本次较该年',
  'eval.historyCampaign': '评价活动',
};

export const EVALUATION_REPORTS_EN: Record<keyof typeof EVALUATION_REPORTS_ZH, string> = {
  'eval.exportExcel': 'Export Excel',
  'eval.downloadPdf': 'Download PDF',
  'eval.history': 'Year over year',
  'eval.historyEmpty': 'No earlier published results under this rubric',
  'eval.historyNote':
    'This subject in earlier published campaigns of the same rubric (any version); change = this score minus that year’s.',
  'eval.historyYear': '{year}',
  'eval.historyChange': 'Change since',
  'eval.historyCampaign': 'Campaign',
};
