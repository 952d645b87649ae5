/// <reference types="vite/client" />

declare module 'virtual:study-catalog' {
  const catalog: import('./src/lib/content/types').CatalogEntry[]
  export default catalog
}
declare module 'virtual:study-corpus' {
  const corpus: import('./src/lib/content/types').StudyDocument[]
  export default corpus
}
declare module 'virtual:search-vocabulary' {
  /** What the search knows beyond the texts (synonyms, document names, pinyin), prepared at build time. */
  const vocabulary: import('./src/lib/search/vocabulary').SearchVocabulary
  export default vocabulary
}
declare module 'virtual:manual-cards' {
  /** Hand-written cards from content/*.cards.yaml, validated at build time. */
  const cards: import('./src/lib/cards/types').Card[]
  export default cards
}
