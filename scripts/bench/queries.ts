/**
 * The bench's Chinese query set: words, clauses, numbers, one-character and multi-word queries
 * a member would type. Expected hits are not hand-listed: a passage is expected when its text
 * holds every word of the query (see groundTruth in ./recall.ts), the standard a reader applies.
 */
export const BENCH_QUERIES: readonly string[] = [
  // one character
  '党', '廉', '纪', '税',
  // two characters
  '党员', '党费', '入党', '纪律', '监督', '选举', '干部', '群众', '廉洁', '科普', '党日', '任期', '家风', '警卫', '出访', '会议',
  // terms and phrases
  '三会一课', '四风', '三严三实', '两学一做', '民主集中制', '预备党员', '入党积极分子', '党风廉政建设', '党风廉政建设责任制',
  '批评和自我批评', '中国特色社会主义', '习近平新时代中国特色社会主义思想', '马克思列宁主义', '毛泽东思想', '邓小平理论',
  '科学发展观', '全面从严治党', '自我革命', '群众路线', '调查研究', '精简会议活动', '精简文件简报', '勤俭节约',
  '公私分明', '崇廉拒腐', '尚俭戒奢', '先进基层党组织', '组织生活会', '民主生活会', '留党察看', '开除党籍', '党的纪律处分',
  '共产主义远大理想', '先锋模范作用', '战斗堡垒', '主题党日',
  // articles and numbers
  '第七条', '第7条', '第三十条', '第五十五条', '十八岁', '2019', '2016', '六个月',
  // space-separated: every word must match
  '谁主管 谁负责', '党员 义务', '党员 权利', '支部 委员会', '团结 批评', '党小组 组长', '纪律 处分', '廉政 教育',
  // full-width and mixed
  '２０１９', '第１０条',
]
