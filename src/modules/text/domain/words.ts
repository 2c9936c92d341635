/** The words of a segmented text that count as words (not punctuation or space), for the model and the suggestions. */
export const isWord = (w: string): boolean => !!w.trim() && !/^[\p{P}\s]+$/u.test(w);

export const wordsOf = (cut: readonly string[]): string[] => cut.filter(isWord);
