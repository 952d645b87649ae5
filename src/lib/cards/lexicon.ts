/**
 * Families of terms of the same kind, for distractors that look right but are not in the text:
 * when a list in a passage shares at least two members with a family, the family's other
 * members that the passage does not mention become candidates. Every entry is a real term of
 * Party life, so a wrong option is plausible, never absurd.
 */
export const TERM_FAMILIES: readonly (readonly string[])[] = [
  // 党纪处分 vs 政务处分 (the latter apply to public servants, not Party discipline)
  ['警告', '严重警告', '撤销党内职务', '留党察看', '开除党籍', '记过', '记大过', '降级', '撤职'],
  // 四风 and other unhealthy styles
  ['形式主义', '官僚主义', '享乐主义', '奢靡之风', '本位主义', '分散主义', '自由主义', '教条主义'],
  // 六项纪律 and other kinds of discipline
  ['政治纪律', '组织纪律', '廉洁纪律', '群众纪律', '工作纪律', '生活纪律', '宣传纪律', '保密纪律', '外事纪律', '财经纪律'],
  // 四个意识
  ['政治意识', '大局意识', '核心意识', '看齐意识', '忧患意识', '责任意识', '宗旨意识', '法治意识'],
  // 干部队伍“四化”
  ['革命化', '年轻化', '知识化', '专业化', '职业化', '规范化', '制度化'],
  // 纪委职责
  ['监督', '执纪', '问责', '巡视', '审计', '考核'],
  // 党支部的职责 (教育、管理、监督党员 / 组织、宣传、凝聚、服务群众)
  ['教育党员', '管理党员', '监督党员', '组织群众', '宣传群众', '凝聚群众', '服务群众', '发展党员', '考核党员', '动员群众'],
  // 作风 words of branch reports
  ['干净', '担当', '诚信', '团结', '忠诚', '奋进', '专研', '创新', '务实', '清廉', '奉献', '进取'],
  // 党的建设
  ['思想建设', '组织建设', '作风建设', '制度建设', '党风廉政建设', '政治建设', '纪律建设', '文化建设'],
  // 指导思想 (older or non-Party theories as distractors)
  ['马克思列宁主义', '毛泽东思想', '邓小平理论', '科学发展观', '空想社会主义', '民主社会主义', '实用主义'],
  // 党的纪律处分 / 处置 wording
  ['批评教育', '责令检查', '诫勉', '纪律处分', '通报批评', '组织处理'],
]

/** Quoted catchwords of Party life: distractors for a quoted term of the same shape. */
export const QUOTED_TERMS: readonly string[] = [
  '“三个代表”', '“四个意识”', '“四个自信”', '“两个维护”', '“两个确立”', '“三会一课”', '“四种形态”',
  '“四风”', '“八项规定”', '“三严三实”', '“两学一做”', '“四个全面”', '“五位一体”', '“两个务必”',
  '“不忘初心、牢记使命”',
]

/** The kinds of catchword a 单选 may offer; distractors come only from the answer's own kind. */
export type CatchwordCategory = 'theory' | 'requirement' | 'system' | 'campaign' | 'style' | 'regulation'

/**
 * Catchwords of Party life by kind, as data (reviewed by hand): 三会一课 is an organisational-life
 * system and is never offered as an alternative to 四风, a style problem.
 */
export const CATCHWORD_CATEGORIES: Readonly<Record<CatchwordCategory, readonly string[]>> = {
  theory: ['马克思列宁主义', '毛泽东思想', '邓小平理论', '“三个代表”', '科学发展观', '习近平新时代中国特色社会主义思想'],
  requirement: ['“四个意识”', '“四个自信”', '“两个维护”', '“两个确立”', '“两个务必”', '“四个全面”', '“五位一体”'],
  system: ['“三会一课”', '民主生活会', '组织生活会', '谈心谈话', '民主评议党员', '主题党日'],
  campaign: ['“两学一做”', '“三严三实”', '“不忘初心、牢记使命”', '党史学习教育', '群众路线教育实践活动'],
  style: ['“四风”', '形式主义', '官僚主义', '享乐主义', '奢靡之风'],
  // “四种形态” is a way of enforcing discipline, not a regulation: it has no peers to offer, so no 单选.
  regulation: ['“八项规定”', '“十不准”', '“约法十章、九项要求”'],
}

/** The category of a catchword (quotes optional), or undefined for words outside the lexicon. */
export function catchwordCategory(word: string): CatchwordCategory | undefined {
  const bare = word.replace(/[“”]/g, '')
  for (const [category, words] of Object.entries(CATCHWORD_CATEGORIES) as [CatchwordCategory, readonly string[]][]) {
    if (words.some((w) => w.replace(/[“”]/g, '') === bare)) return category
  }
  return undefined
}

/**
 * Closed lists: every member is known and a swap between two members gives a statement that
 * is plainly false (a 判断 may be made from such a swap). Lists the text names and numbers.
 */
export const CLOSED_LISTS: readonly (readonly string[])[] = [
  ['警告', '严重警告', '撤销党内职务', '留党察看', '开除党籍'],
  ['形式主义', '官僚主义', '享乐主义', '奢靡之风'],
  ['政治纪律', '组织纪律', '廉洁纪律', '群众纪律', '工作纪律', '生活纪律'],
  ['政治意识', '大局意识', '核心意识', '看齐意识'],
  ['道路自信', '理论自信', '制度自信', '文化自信'],
  ['革命化', '年轻化', '知识化', '专业化'],
  ['教育党员', '管理党员', '监督党员', '组织群众', '宣传群众', '凝聚群众', '服务群众'],
  ['政治建设', '思想建设', '组织建设', '作风建设', '纪律建设', '制度建设'],
  ['经济建设', '政治建设', '文化建设', '社会建设', '生态文明建设'],
]

/**
 * Words too general to be the fact of a blank (路线、（方针）、政策): a member of an unnamed list or
 * a word every sentence of Party prose could hold.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  '政治', '经济', '文化', '社会', '思想', '组织', '作风', '纪律', '制度', '路线', '方针', '政策', '工作', '群众', '干部',
  '中国共产党', '党员', '人民', '国家', '领导', '建设', '发展', '改革', '教育', '管理', '监督', '学习', '实践', '理论', '精神', '原则',
])

/**
 * Names that hold a number (四项基本原则, “三个代表”): the number is part of the name, so a blank
 * never falls on it alone.
 */
export const FIXED_NAMES: readonly string[] = [
  ...QUOTED_TERMS.map((t) => t.replace(/[“”]/g, '')),
  '四项基本原则', '四个服从', '两个一百年', '三大作风', '四个现代化', '两个先锋队', '三个有利于', '四个伟大', '四个坚持',
]

/**
 * Words of nearly one meaning: two of them among a question's options leave a member guessing
 * which one the text used (参加 or 出席 a meeting, 谈心 or 谈话 with cadres).
 */
export const NEAR_SYNONYMS: readonly (readonly string[])[] = [
  ['参加', '出席', '参与'],
  ['谈话', '交流', '谈心', '交谈', '沟通'],
  ['遵守', '遵循', '恪守'],
  ['终身', '终生'],
  ['检查', '检验'],
]
