import type { DocumentKind } from './types'

/** How the interface names each kind of document. */
export const KIND_LABELS: Record<DocumentKind, string> = {
  constitution: '党章',
  regulation: '党内法规',
  article: '学习文章',
  glossary: '术语解释',
  local: '本地文件',
}

/** 2022-10-22 → 2022年10月22日 */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso
}

/** 17832 → 约1.8万字; 950 → 950字 */
export function formatLength(chars: number): string {
  return chars >= 10000 ? `约${(chars / 10000).toFixed(1)}万字` : `${chars}字`
}
