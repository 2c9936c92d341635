/** Chinese segmentation (分词) with jieba, a bundled CPPCC dictionary extendable at run time, stop words and keywords. */
import { Jieba, TfIdf } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict.js';
import { cppccTerms, stopWords } from './terms.ts';

/** A keyword (关键词) with its TF-IDF weight. */
export interface Keyword {
  word: string;
  weight: number;
}

const KEYWORD_POS = ['n', 'nr', 'ns', 'nt', 'nz', 'nl', 'ng', 'vn', 'v', 'an', 'j', 'l', 'i', 'eng'];

/** Entry of a user dictionary: a word with an optional frequency and part-of-speech tag. */
export interface DictEntry {
  word: string;
  freq?: number;
  tag?: string;
}

function dictLines(entries: ReadonlyArray<DictEntry | string>): string {
  return entries
    .map((e) => (typeof e === 'string' ? { word: e } : e))
    .filter((e) => e.word.trim().length > 0 && !/\s/.test(e.word.trim()))
    .map((e) => `${e.word.trim()} ${Math.max(1, Math.round(e.freq ?? 20000))} ${e.tag ?? 'n'}`)
    .join('\n') + '\n';
}

/** The segmenter: jieba with the default and CPPCC dictionaries, loaded once per process. */
export class Segmenter {
  private readonly jieba: Jieba;
  private readonly tfidf: TfIdf;
  private readonly stops: Set<string>;
  private readonly added = new Set<string>();

  constructor() {
    this.jieba = Jieba.withDict(dict);
    this.tfidf = TfIdf.withDict(idf);
    this.stops = new Set(stopWords);
    this.loadDict(cppccTerms);
  }

  /** Adds words at run time (the 词库 administrators maintain); they stay whole from now on. */
  loadDict(entries: ReadonlyArray<DictEntry | string>): void {
    const fresh = entries.filter((e) => !this.added.has(typeof e === 'string' ? e : e.word));
    if (fresh.length === 0) return;
    this.jieba.loadDict(Buffer.from(dictLines(fresh), 'utf8'));
    for (const e of fresh) this.added.add(typeof e === 'string' ? e : e.word);
  }

  /** Words in order by the dictionaries alone (no HMM): a name the dictionaries do not know falls into single characters. */
  cutByDictionary(text: string): string[] {
    return this.jieba.cut(text, false);
  }

  isStopWord(w: string): boolean {
    return this.stops.has(w);
  }

  /** Words in order, with HMM for unknown words (precise mode). */
  cut(text: string): string[] {
    return this.jieba.cut(text, true);
  }

  /** Words with their part-of-speech tags (ns: place name, nt: organisation, …), precise mode. */
  tag(text: string): Array<{ word: string; tag: string }> {
    return this.jieba.tag(text, true);
  }

  /** Search mode: long words also yield their dictionary sub-words (老旧小区改造 → 老旧, 小区, 改造, …). */
  cutForSearch(text: string): string[] {
    return this.jieba.cutForSearch(text, true);
  }

  /** Content words: segmented, lower-cased, without punctuation, digits-only tokens and stop words. */
  terms(text: string): string[] {
    return this.contentTerms(this.jieba.cut(text, true));
  }

  /** The content terms among words already cut (`cut`'s output), as `terms` gives them for the text. */
  contentTerms(words: readonly string[]): string[] {
    const out: string[] = [];
    for (const raw of words) {
      const w = raw.trim().toLowerCase();
      if (w.length === 0 || this.stops.has(w) || !isContentToken(w)) continue;
      out.push(w);
    }
    return out;
  }

  /** The top keywords of a text by TF-IDF over jieba's IDF table. */
  keywords(text: string, k = 8): Keyword[] {
    return this.tfidf.extractKeywords(this.jieba, text, k + 8, KEYWORD_POS)
      .filter((x) => x.keyword.length >= 2 && !this.stops.has(x.keyword) && isContentToken(x.keyword))
      .slice(0, k)
      .map((x) => ({ word: x.keyword, weight: x.weight }));
  }
}

/** Whether a token carries meaning: has a CJK character or a letter, and is not a lone single Latin character. */
export function isContentToken(w: string): boolean {
  if (/[\u3400-\u9fff]/.test(w)) return !/^[\u3000-\u303f\uff00-\uffef]+$/.test(w);
  return /[a-z]/i.test(w) && w.length > 1;
}

let shared: Segmenter | undefined;

/** The process-wide segmenter, created on first use (loading the dictionaries takes about half a second). */
export function segmenter(): Segmenter {
  shared ??= new Segmenter();
  return shared;
}
