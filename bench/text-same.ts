/**
 * The labelled pairs of the same-matter (同一事项) benchmark, built at run time from ../shared/data/messages and the
 * hand-written cases of bench/same-matter-pairs.ts, and the scorer that turns a pair into the model's features.
 *
 * Positives: pairs of one same-title group of with_votes.jsonl whose texts differ; two members of each repost group of
 * duplicate_groups.jsonl; each hand-written rewrite with its original. Negatives: each hand-written hard negative with
 * the original and with the rewrite (same place and another problem, or the same problem elsewhere); pairs of
 * with_votes messages naming the same district with different titles, by different people, outside any reference hot
 * topic (mostly different matters on the same ground). Held out: every third case or group (fixed), never trained on.
 */
import { readJsonl, allMessages, type MessageRow } from './text-data.ts';
import { sameMatterCases } from './same-matter-pairs.ts';
import { segmenter } from '../src/modules/text/domain/segmenter.ts';
import { fingerprint, similarity, dupNormalize, type Fingerprint } from '../src/modules/text/domain/duplicates.ts';
import { Vocabulary, termVector, type TermVec } from '../src/modules/text/domain/similar.ts';
import { commonInVocab, matterFacts, matterFeatures, wordingOf, type MatterFacts } from '../src/modules/text/domain/matter.ts';

export interface PairText { title: string; body: string }
export interface LabelledPair { a: PairText; b: PairText; y: 0 | 1; kind: string; test: boolean }

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 0x100000000);
}

const district = (s: string) => [...s.matchAll(/(?<![A-Za-z0-9])[A-Z][0-9]{1,2}(?:区|县)/g)].map((m) => m[0]);

/** The labelled pairs and how many of each kind. */
export function labelledPairs(dir: string): { pairs: LabelledPair[]; made: Record<string, number> } {
  const votes = readJsonl<MessageRow>(dir, 'with_votes.jsonl');
  const byId = new Map(votes.map((v) => [v.msg_id, v]));
  const pairs: LabelledPair[] = [];
  const text = (v: MessageRow): PairText => ({ title: v.title, body: v.detail });
  // same-title groups, texts differing
  const byTitle = new Map<string, MessageRow[]>();
  for (const v of votes) byTitle.set(v.title, [...(byTitle.get(v.title) ?? []), v]);
  let g = 0;
  for (const group of byTitle.values()) {
    if (group.length < 2) continue;
    const test = g++ % 3 === 0;
    for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) {
      if (dupNormalize(group[i].detail) === dupNormalize(group[j].detail)) continue;
      pairs.push({ a: text(group[i]), b: text(group[j]), y: 1, kind: 'same_title', test });
    }
  }
  // repost groups: two members each
  const messages = new Map(allMessages(dir).map((m) => [m.key, m]));
  const groups = readJsonl<{ members: Array<{ file: string; msg_id: number }> }>(dir, 'duplicate_groups.jsonl');
  groups.forEach((grp, i) => {
    const ms = grp.members.map((m) => messages.get(`${m.file}:${m.msg_id}`)).filter((m) => !!m);
    if (ms.length < 2) return;
    pairs.push({ a: { title: ms[0].title, body: ms[0].body }, b: { title: ms[1].title, body: ms[1].body }, y: 1, kind: 'repost', test: i % 3 === 0 });
  });
  // hand-written rewrites and hard negatives
  sameMatterCases.forEach((c, i) => {
    const o = byId.get(c.msgId);
    if (!o) return;
    const test = i % 3 === 0;
    pairs.push({ a: text(o), b: c.same, y: 1, kind: 'rewrite', test });
    pairs.push({ a: text(o), b: c.other, y: 0, kind: `hard_negative_${c.other.kind}`, test });
    pairs.push({ a: c.same, b: c.other, y: 0, kind: `hard_negative_${c.other.kind}`, test });
  });
  // same district, other title, other person, outside the reference hot topics
  const ref = new Map(readJsonl<{ topic_id: number; msg_id: number }>(dir, 'hot_topics_reference.jsonl').map((r) => [r.msg_id, r.topic_id]));
  const byDistrict = new Map<string, MessageRow[]>();
  for (const v of votes) for (const d of new Set(district(v.title))) byDistrict.set(d, [...(byDistrict.get(d) ?? []), v]);
  const districts = [...byDistrict.values()].filter((x) => x.length >= 10);
  const rand = rng(5150);
  let made = 0;
  for (let tries = 0; made < 300 && tries < 20000; tries++) {
    const list = districts[Math.floor(rand() * districts.length)];
    const a = list[Math.floor(rand() * list.length)], b = list[Math.floor(rand() * list.length)];
    if (a === b || a.title === b.title || a.user_id === b.user_id || (ref.has(a.msg_id) && ref.has(b.msg_id))) continue;
    pairs.push({ a: text(a), b: text(b), y: 0, kind: 'same_district', test: made++ % 3 === 0 });
  }
  const count: Record<string, number> = {};
  for (const p of pairs) count[`${p.kind}_${p.y ? 'pos' : 'neg'}`] = (count[`${p.kind}_${p.y ? 'pos' : 'neg'}`] ?? 0) + 1;
  return { pairs, made: count };
}

/** What the product keeps of a text: its fingerprint, term vector and matter facts. */
export interface Scored { fp: Fingerprint; vec: TermVec; facts: MatterFacts; title: string }

/** Turns texts into what the pair model reads, over a vocabulary of the corpus. */
export class PairScorer {
  private cache = new Map<string, Scored>();
  private readonly common: (id: number) => boolean;
  constructor(readonly vocab: Vocabulary) { this.common = commonInVocab(vocab); }

  static over(texts: Iterable<PairText>): PairScorer {
    const seg = segmenter();
    const vocab = new Vocabulary();
    for (const t of texts) vocab.observe(seg.terms(`${t.title}。${t.body}`));
    return new PairScorer(vocab);
  }

  idf = (w: string) => {
    const id = this.vocab.ids.get(w);
    return id === undefined ? this.vocab.idf(-1) : this.vocab.idf(id);
  };

  of(t: PairText): Scored {
    const key = `${t.title}\u0000${t.body}`;
    let s = this.cache.get(key);
    if (!s) {
      const seg = segmenter();
      const full = `${t.title}。${t.body}`;
      const tagged = seg.tag(full);
      const terms = seg.contentTerms(tagged.map((w) => w.word));
      s = { fp: fingerprint(`${t.title}\n${t.body}`), vec: termVector(this.vocab, terms), facts: matterFacts(full, terms, tagged), title: t.title };
      this.cache.set(key, s);
    }
    return s;
  }

  features(a: PairText, b: PairText): Float64Array {
    const x = this.of(a), y = this.of(b);
    return matterFeatures(x.facts, y.facts, wordingOf(similarity(x.fp, y.fp), x.vec, y.vec, this.common, x.title, y.title), this.idf);
  }
}

/** Area under the ROC curve (ties counted half). */
export function auc(scores: readonly number[], ys: readonly number[]): number {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSum = 0, pos = 0;
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]] === scores[idx[i]]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (ys[idx[k]] === 1) { rankSum += r; pos++; }
    i = j + 1;
  }
  const neg = ys.length - pos;
  return pos && neg ? (rankSum - (pos * (pos + 1)) / 2) / (pos * neg) : 0;
}

/** The longest run of characters two texts share (for the check that a rewrite keeps nothing but the place names). */
export function longestSharedRun(a: string, b: string): string {
  let best = '';
  for (let i = 0; i < a.length; i++) {
    for (let len = best.length + 1; i + len <= a.length; len++) {
      if (b.includes(a.slice(i, i + len))) best = a.slice(i, i + len);
      else break;
    }
  }
  return best;
}
