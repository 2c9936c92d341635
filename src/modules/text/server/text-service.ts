/** The text service: per-tenant in-memory indexes over `text_items`, the unit-suggestion model, rules and dictionary. */
import { performance } from 'node:perf_hooks';
import type { DialectName } from '../../../kernel/server/db/dialect.ts';
import { appendAudit } from '../../../kernel/server/audit.ts';
import type { Actor } from '../../../kernel/server/actor.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { AppError } from '../../../kernel/universal/errors.ts';
import { segmenter } from '../domain/segmenter.ts';
import { cppccTerms } from '../domain/terms.ts';
import { UnitClassifier, type Ranked } from '../domain/classifier.ts';
import { isWord } from '../domain/words.ts';
import { trainUnits } from './trainer.ts';
import { countFeatures } from '../domain/features.ts';
import { SimilarIndex, Vocabulary, termVector, sharedTerms, cosine, type TermVec, type Without } from '../domain/similar.ts';
import { DuplicateIndex, fingerprint, DEFAULT_DUP_THRESHOLD, similarity, groupPairs } from '../domain/duplicates.ts';
import { hotTopics } from '../domain/hot-topics.ts';
import { commonTerms, explainMatter, matterFacts, PlaceIndex, sameMatter, wordingOf, type MatterExplanation, type MatterFacts } from '../domain/matter.ts';
import { TextSearch, indexText, newSearchKey, type IndexedText, type TextItemInput } from './search.ts';
import type { IndexedItem } from './search-store.ts';
import { noSearchVisibility, visibleCandidates, type SearchVisibility } from './search-policy.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { textDb, type TextDb } from './tables.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { listUnits } from '../../organizations/index.ts';
import { addressedUnits, rankAddressed, type NamedUnit } from '../domain/addressee.ts';
import { createHash } from 'node:crypto';

export type { TextItemInput };

interface ItemMeta { id: string; source: string; refId: string; title: string; createdAt: string; ownerUserId: string | null }

/** Per-tenant search state: the vocabulary is fixed when built and rebuilt when the corpus has doubled. */
class TenantCorpus {
  vocab = new Vocabulary();
  index = new SimilarIndex();
  dups = new DuplicateIndex<number>();
  /** each item's matter (place, problem, demand, objects) and the items by place, for 同一事项 */
  facts: MatterFacts[] = [];
  places = new PlaceIndex();
  meta: ItemMeta[] = [];
  byRef = new Map<string, number>();
  /** the items of each record id (a proposal and its released reply share one) */
  byRefId = new Map<string, number[]>();
  builtAt = 0;
  /** per source, how many items and how many of them have each term among their top terms (a template's set phrases) */
  private sourceDocs = new Map<string, number>();
  private sourceDf = new Map<string, Map<number, number>>();
  /** a word's IDF in this corpus (unknown words count as rare) */
  idfOf = (w: string) => this.vocab.idf(this.vocab.ids.get(w) ?? -1);

  countSource(source: string, v: TermVec): void {
    this.sourceDocs.set(source, (this.sourceDocs.get(source) ?? 0) + 1);
    let df = this.sourceDf.get(source);
    if (!df) this.sourceDf.set(source, (df = new Map()));
    for (const id of v.ids) df.set(id, (df.get(id) ?? 0) + 1);
  }

  /** The terms common among a source's items (近年来, 我市 in proposals written to one pattern). */
  commonIn(source: string): (id: number) => boolean {
    const df = this.sourceDf.get(source);
    return commonTerms((id) => df?.get(id) ?? 0, this.sourceDocs.get(source) ?? 0);
  }

  /** The IDF of a word, nothing for a word common among a source's items (it says nothing of the matter). */
  idfIn(source: string): (w: string) => number {
    const common = this.commonIn(source);
    return (w) => {
      const id = this.vocab.ids.get(w);
      return id !== undefined && common(id) ? 0 : this.vocab.idf(id ?? -1);
    };
  }
}

/** A record of another module, named by its entity type and id. */
export interface RecordRef { type: string; id: string }

/**
 * What the text module asks the modules that own records, through the entities their manifests declare: the
 * assignments (交办) they decided, which records are one (并案), and the entity type of each search source.
 */
export interface TextRecords {
  assignmentHistory(tenantId: string): Promise<Array<RecordRef & { text: string; unitId: string }>>;
  hasAssignmentHistory(type: string): boolean;
  sameRecords(type: string, id: string): Promise<string[]>;
  typeOfSource(source: string): string | undefined;
}

/** No module's records (a text service on its own, in tests). */
export const noTextRecords: TextRecords = {
  assignmentHistory: async () => [],
  hasAssignmentHistory: () => false,
  sameRecords: async (_type, id) => [id],
  typeOfSource: () => undefined,
};

/** One example the unit suggestion learns from: a record's text and the unit it went to (key: `type:id`, or none for an imported text). */
interface Example { key: string | null; text: string; label: string }

/** What a tenant's suggestion has learned from: every record's unit by key, how many examples each unit has, what has changed since. */
class TenantLearning {
  unitOf = new Map<string, string>();
  perUnit = new Map<string, number>();
  /** records assigned (or assigned anew) since the model was trained */
  pending = new Set<string>();
}

/** Why a unit is suggested: the words that weighed most, and how the most similar assigned records went. */
export interface SuggestionReasons {
  terms: string[];
  /** the most similar records already assigned (交办), and how many of them went to this unit */
  similar: number;
  similarToUnit: number;
  /** all the examples of this unit the model learned from */
  unitTotal: number;
  /** the asking sentences name this unit as the one to act (「建议市住建局……」): 1 for the lead body, ½ for each later one */
  named?: number;
}

/** How many of the most similar assigned records explain a suggestion, and the least similarity that counts. */
const NEIGHBOURS = 10;
const NEIGHBOUR_MIN_SCORE = 0.1;


/** Rows segmented between two turns of the event loop when a corpus is built. */
const BUILD_SLICE = 200;
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));


/** The sources whose items make the hot topics (热点分析): what members and the public raise. */
export const HOT_TOPIC_SOURCES = ['proposal', 'reply', 'report', 'consultation'];
export class TextService {
  private corpora = new Map<string, Promise<TenantCorpus>>();
  private models = new Map<string, Promise<UnitClassifier | null>>();
  /** the model in use for each tenant once loaded (null: too few examples) */
  private loaded = new Map<string, UnitClassifier | null>();
  private learning = new Map<string, TenantLearning>();
  /** each tenant's units by their names, for reading of whom a text asks; read again after a minute */
  private unitNames = new Map<string, { at: number; units: Promise<NamedUnit[]> }>();
  /** per tenant, the retraining under way or queued (one at a time; a queued one takes every change made before it starts) */
  private training = new Map<string, Promise<unknown>>();
  private queued = new Map<string, Promise<UnitClassifier | null>>();
  private dictionaryLoaded?: Promise<void>;
  /** retrain after this many new assignments (the model also learns each one immediately through its rules path) */
  retrainEvery = 20;
  /**
   * at most this often (ms) a suggestion looks at the assignments decided since: an assignment's event reaches one
   * instance only, so the others learn of it from the records themselves
   */
  staleCheckMs = 10_000;
  private checkedAt = new Map<string, number>();

  /** the cross-module full-text search over the same items */
  readonly search: TextSearch;

  /** `visibility`: who may see which found items (in the app, the entities the modules declare) */
  private readonly db: TextDb;
  constructor(db: AnyModuleDb, private readonly dialect: DialectName, private readonly visibility: SearchVisibility = noSearchVisibility,
    private readonly records: TextRecords = noTextRecords, private readonly log: (...a: unknown[]) => void = () => undefined) {
    this.db = textDb(db);
    this.search = new TextSearch(db, dialect, visibility);
  }

  /** Loads the words administrators added (all tenants: the segmenter is process-wide). */
  ensureDictionary(): Promise<void> {
    this.dictionaryLoaded ??= (async () => {
      const rows = await this.db.selectFrom('text_dictionary').select(['word', 'tag']).execute();
      segmenter().loadDict(rows.map((r) => ({ word: r.word, tag: r.tag })));
    })();
    return this.dictionaryLoaded;
  }

  // ---------- items, similar, duplicates ----------

  private corpus(tenantId: string): Promise<TenantCorpus> {
    let p = this.corpora.get(tenantId);
    if (!p) {
      p = this.build(tenantId);
      this.corpora.set(tenantId, p);
      p.catch(() => this.corpora.delete(tenantId));
    }
    return p;
  }

  private async build(tenantId: string): Promise<TenantCorpus> {
    await this.ensureDictionary();
    const rows = await this.db.selectFrom('text_items').select(['id', 'source', 'ref_id', 'title', 'body', 'created_at', 'owner_user_id'])
      .where('tenant_id', '=', tenantId).orderBy('created_at').orderBy('id').execute();
    const c = new TenantCorpus();
    // in slices, letting other requests through between them: reading a CPPCC's every text takes seconds
    const read: Array<ReturnType<typeof readText>> = [];
    for (let i = 0; i < rows.length; i++) {
      if (i > 0 && i % BUILD_SLICE === 0) await yieldToOthers();
      read.push(readText(`${rows[i].title}。${rows[i].body}`));
    }
    for (const x of read) c.vocab.observe(x.terms);
    for (let i = 0; i < rows.length; i++) {
      if (i > 0 && i % BUILD_SLICE === 0) await yieldToOthers();
      const r = rows[i];
      this.addToCorpus(c, { id: r.id, source: r.source, refId: r.ref_id, title: r.title, createdAt: r.created_at, ownerUserId: r.owner_user_id ?? null }, read[i], `${r.title}\n${r.body}`);
    }
    c.builtAt = rows.length;
    return c;
  }

  private addToCorpus(c: TenantCorpus, meta: ItemMeta, read: ReadText, full: string) {
    const v = termVector(c.vocab, read.terms);
    const n = c.index.add(v);
    c.countSource(meta.source, v);
    c.facts.push(read.facts);
    c.places.add(n, read.facts.placeKeys);
    c.meta.push(meta);
    c.byRef.set(`${meta.source}:${meta.refId}`, n);
    const same = c.byRefId.get(meta.refId);
    if (same) same.push(n); else c.byRefId.set(meta.refId, [n]);
    c.dups.add(n, fingerprint(full));
  }

  /** Stores (or replaces) a record's text and makes it findable at once (search, similar items, duplicates). */
  async indexItem(tenantId: string, item: TextItemInput): Promise<void> {
    await this.ensureDictionary();
    const now = clock.iso();
    const existing = await this.db.selectFrom('text_items').select(['id', 'created_at', 'search_key']).where('tenant_id', '=', tenantId)
      .where('source', '=', item.source).where('ref_id', '=', item.refId).executeTakeFirst();
    const text = indexText(item.title, item.body);
    if (existing) {
      const searchKey = existing.search_key === null ? newSearchKey() : Number(existing.search_key);
      await this.db.updateTable('text_items').set({
        title: item.title, body: item.body, unit_id: item.unitId ?? null, state: item.state ?? null, owner_user_id: item.ownerUserId ?? null, search_key: searchKey, updated_at: now,
      }).where('id', '=', existing.id).execute();
      await this.search.write(searchFacts(existing.id, tenantId, searchKey, existing.created_at, item, text));
      this.corpora.delete(tenantId); // an edit rebuilds the tenant's index on next use
      return;
    }
    const id = newId();
    const createdAt = item.createdAt ?? now;
    const searchKey = newSearchKey();
    await this.db.insertInto('text_items').values({
      id, tenant_id: tenantId, source: item.source, ref_id: item.refId, title: item.title, body: item.body,
      unit_id: item.unitId ?? null, state: item.state ?? null, owner_user_id: item.ownerUserId ?? null, search_key: searchKey, created_at: createdAt, updated_at: now,
    }).execute();
    await this.search.write(searchFacts(id, tenantId, searchKey, createdAt, item, text));
    const p = this.corpora.get(tenantId);
    if (!p) return;
    const c = await p;
    const read = readText(`${item.title}。${item.body}`);
    c.vocab.observe(read.terms); // its words count as they would in a rebuilt index (a record's own words can then be discounted)
    if (c.meta.length + 1 > Math.max(50, c.builtAt * 2)) this.corpora.delete(tenantId); // vocabulary grew a lot: rebuild lazily
    else this.addToCorpus(c, { id, source: item.source, refId: item.refId, title: item.title, createdAt, ownerUserId: item.ownerUserId ?? null }, read, `${item.title}\n${item.body}`);
  }

  /** Stores many records' texts at once (demo data, imports); records indexed already are re-indexed one by one. */
  async indexItems(tenantId: string, items: readonly TextItemInput[]): Promise<void> {
    await this.ensureDictionary();
    const known = await this.search.writeNew(tenantId, items);
    this.corpora.delete(tenantId); // many new items: the tenant's index rebuilds on next use
    for (const item of known) await this.indexItem(tenantId, item);
  }

  /**
   * The items of a record and of the records one with it (并案), in any source of its entity, and what they add to the
   * vocabulary's counts: similar items leave them out, and the query is weighed as if they were not there.
   */
  private async ownItems(tenantId: string, c: TenantCorpus, record?: { source: string; refId: string }): Promise<{ docs: ReadonlySet<number>; without?: Without }> {
    if (!record) return { docs: new Set() };
    const type = this.records.typeOfSource(record.source);
    const ids = type ? await this.records.sameRecords(type, record.refId) : [record.refId];
    const sameKind = (src: string) => (type ? this.records.typeOfSource(src) === type : src === record.source);
    const docs = new Set<number>();
    for (const id of ids) for (const n of c.byRefId.get(id) ?? []) if (sameKind(c.meta[n].source)) docs.add(n);
    if (!docs.size) return { docs };
    const rows = await this.db.selectFrom('text_items').select(['source', 'ref_id', 'title', 'body']).where('tenant_id', '=', tenantId).where('ref_id', 'in', ids).execute();
    const less = new Map<number, number>();
    let counted = 0;
    for (const r of rows) {
      if (!docs.has(c.byRef.get(`${r.source}:${r.ref_id}`) ?? -1)) continue;
      counted++;
      for (const w of new Set(segmenter().terms(`${r.title}。${r.body}`))) {
        const id = c.vocab.ids.get(w);
        if (id !== undefined) less.set(id, (less.get(id) ?? 0) + 1);
      }
    }
    return { docs, without: { less, docs: counted } };
  }

  /**
   * The most similar earlier items with scores, a duplicate flag (疑似重复: near-identical wording), a same-matter flag
   * (同一事项: the pair model over place, problem, demand, objects and wording) with what the two share, and the shared
   * keywords. Candidates are the most similar wording, the near-identical texts and the items naming the same place.
   * With `record` (the record the text is of), that record and those merged with it (并案) are left out before the best
   * are taken, and the query is weighed as if they were not indexed: its reviewers see the neighbours its writer saw.
   */
  async similar(tenantId: string, text: string, limit: number, source?: string, threshold = DEFAULT_DUP_THRESHOLD, visibleTo?: Actor, record?: { source: string; refId: string }) {
    const c = await this.corpus(tenantId);
    const read = readText(text);
    const own = await this.ownItems(tenantId, c, record);
    const q = termVector(c.vocab, read.terms, 32, own.without);
    const fp = fingerprint(text);
    const exclude = source || own.docs.size ? (d: number) => own.docs.has(d) || (!!source && c.meta[d].source !== source) : undefined;
    const hits = c.index.search(q, Math.max(30, visibleTo ? limit * 4 : limit * 2), exclude);
    const seen = new Set(hits.map((h) => h.doc));
    for (const d of c.dups.query(fp, threshold)) if (!exclude?.(d.key) && !seen.has(d.key)) { seen.add(d.key); hits.push({ doc: d.key, score: 0 }); }
    for (const d of c.places.candidates(read.facts.placeKeys, 30, exclude)) if (!seen.has(d)) { seen.add(d); hits.push({ doc: d, score: cosine(q, c.index.vector(d)) }); }
    const title = text.split('\n')[0];
    const items = hits.map((h) => {
      const m = c.meta[h.doc];
      const dupScore = similarity(fp, fingerprintOfDoc(c, h.doc));
      // the words common among the candidate's kind of records (a template's phrases) say nothing of the matter
      const verdict = sameMatter(read.facts, c.facts[h.doc], wordingOf(dupScore, q, c.index.vector(h.doc), c.commonIn(m.source), title, m.title), c.idfIn(m.source));
      const duplicate = dupScore >= threshold;
      return {
        id: m.id, source: m.source, refId: m.refId, title: m.title, score: Math.round(Math.max(h.score, dupScore) * 1000) / 1000,
        duplicate, sameMatter: duplicate || verdict.same, matter: { probability: round3(verdict.probability), ...verdict.explanation }, doc: h.doc,
      };
    });
    // copies first, then the same matter, then by score; only the kept ones get their shared keywords
    items.sort((a, b) => Number(b.duplicate) - Number(a.duplicate) || Number(b.sameMatter) - Number(a.sameMatter) || b.score - a.score);
    // only what the asking person may see (the owning module's search policy), checked on a few more than needed
    // staff who use the text tools (text.use) are also told of a record on the same matter that they may not open (a
    // 社情民意 report for the proposal office, a proposal for the editors): its module and title, marked restricted
    let allowed = items.map((x) => ({ ...x, restricted: false }));
    if (visibleTo) {
      const pool = allowed.slice(0, limit * 4);
      const ok = await visibleCandidates(this.visibility, visibleTo, pool.map((x) => ({ id: x.id, source: x.source, refId: x.refId, tenantId, ownerUserId: c.meta[x.doc].ownerUserId })));
      const linksOthers = visibleTo.permissions.has('text.use') || visibleTo.permissions.has('*');
      allowed = pool.filter((x) => ok.has(x.id) || (linksOthers && x.sameMatter)).map((x) => ({ ...x, restricted: !ok.has(x.id) }));
    }
    const kept = allowed.slice(0, limit).map(({ doc, ...it }) => ({
      ...it, sharedKeywords: it.restricted ? [] : sharedTerms(q, c.index.vector(doc), c.vocab), actions: it.restricted ? [] : ['open'],
    }));
    return { items: kept, keywords: segmenter().keywords(text, 8).map((k) => k.word) };
  }

  /**
   * Groups for merging (并案) among some records of one source (the review queue's submitted proposals). A pair counts as
   * 疑似重复 when its wording is near-identical (MinHash estimate) and its topic agrees (term cosine on distinctive words),
   * both at least `threshold`; as 同一事项 when the pair model finds the same place, problem and demand in other words
   * (candidates: each record's most similar records and those naming the same place). Groups are the connected pairs,
   * each with its pairs' scores and kinds, the keywords its members share and the reason (shared place, problem, demand).
   */
  async duplicateGroups(tenantId: string, source: string, refIds: readonly string[], threshold = DEFAULT_DUP_THRESHOLD) {
    const c = await this.corpus(tenantId);
    const docs = new Map<number, string>();
    for (const ref of refIds) {
      const n = c.byRef.get(`${source}:${ref}`);
      if (n !== undefined) docs.set(n, ref);
    }
    const local = new DuplicateIndex<number>();
    for (const n of docs.keys()) local.add(n, fingerprintOfDoc(c, n));
    // the topic is compared on distinctive words: terms found in more than 30% of the source's items (set phrases such
    // as 我市, 近年来, 建议) are left out, so shared boilerplate alone does not make two records duplicates
    const sourceDf = new Map<number, number>();
    let sourceDocs = 0;
    c.meta.forEach((m, n) => {
      if (m.source !== source) return;
      sourceDocs++;
      for (const id of c.index.vector(n).ids) sourceDf.set(id, (sourceDf.get(id) ?? 0) + 1);
    });
    const common = (id: number) => sourceDocs >= 20 && (sourceDf.get(id) ?? 0) > sourceDocs * 0.3;
    const distinct = new Map<number, TermVec>();
    const vec = (n: number): TermVec => {
      let v = distinct.get(n);
      if (!v) {
        const full = c.index.vector(n);
        const keep = [...full.ids.keys()].filter((i) => !common(full.ids[i]));
        const norm = Math.sqrt(keep.reduce((acc, i) => acc + full.w[i] * full.w[i], 0)) || 1;
        v = { ids: Int32Array.from(keep, (i) => full.ids[i]), w: Float32Array.from(keep, (i) => full.w[i] / norm) };
        distinct.set(n, v);
      }
      return v;
    };
    type Pair = { a: number; b: number; score: number; kind: 'duplicate' | 'same_matter'; reason?: MatterExplanation };
    const pairs: Pair[] = local.pairs(threshold)
      .map((p) => ({ ...p, topic: cosine(vec(p.a), vec(p.b)) }))
      .filter((p) => p.topic >= threshold)
      .map((p) => ({ a: p.a, b: p.b, score: round3(Math.min(p.score, p.topic)), kind: 'duplicate' as const }));
    const paired = new Set(pairs.map((p) => (p.a < p.b ? `${p.a}|${p.b}` : `${p.b}|${p.a}`)));
    const outside = (d: number) => !docs.has(d);
    for (const a of docs.keys()) {
      const cands = new Set([...c.index.search(c.index.vector(a), 20, (d) => outside(d) || d === a).map((h) => h.doc), ...c.places.candidates(c.facts[a].placeKeys, 20, (d) => outside(d) || d === a)]);
      for (const b of cands) {
        const key = a < b ? `${a}|${b}` : `${b}|${a}`;
        if (paired.has(key)) continue;
        paired.add(key);
        const v = sameMatter(c.facts[a], c.facts[b], wordingOf(similarity(fingerprintOfDoc(c, a), fingerprintOfDoc(c, b)), c.index.vector(a), c.index.vector(b), c.commonIn(source), c.meta[a].title, c.meta[b].title), c.idfIn(source));
        if (v.same) pairs.push({ a, b, score: round3(v.probability), kind: 'same_matter', reason: v.explanation });
      }
    }
    return groupPairs(pairs).map((members) => {
      const inGroup = new Set(members);
      const own = pairs.filter((p) => inGroup.has(p.a));
      const counts = new Map<string, number>();
      for (const p of own) for (const w of sharedTerms(vec(p.a), vec(p.b), c.vocab, 8)) counts.set(w, (counts.get(w) ?? 0) + 1);
      // the reason: what the members share, most often first (for a group of copies, what the copies share)
      const reasons = own.map((p) => p.reason ?? explainMatter(c.facts[p.a], c.facts[p.b], 4, c.idfIn(source)));
      const most = (pick: (r: MatterExplanation) => string[]) => {
        const m = new Map<string, number>();
        for (const r of reasons) for (const x of pick(r)) m.set(x, (m.get(x) ?? 0) + 1);
        return [...m.entries()].sort((x, y) => y[1] - x[1]).slice(0, 4).map(([x]) => x);
      };
      return {
        refIds: members.map((m) => docs.get(m)!),
        kind: own.every((p) => p.kind === 'duplicate') ? 'duplicate' as const : 'same_matter' as const,
        pairs: own.map((p) => ({ a: docs.get(p.a)!, b: docs.get(p.b)!, score: p.score, kind: p.kind })),
        sharedKeywords: [...counts.entries()].sort((x, y) => y[1] - x[1]).slice(0, 6).map(([w]) => w),
        reason: { places: most((r) => r.places), districts: most((r) => r.districts), problems: most((r) => r.problems), demands: most((r) => r.demands), objects: most((r) => r.objects) },
      };
    });
  }

  /**
   * Hot topics over the tenant's items of the last `days` days: the matters people raise (proposals, their replies,
   * 社情民意 reports, consultations), not the other texts the search holds (the office's 公文, 文史 materials), which
   * would make topics of the office's own templates.
   */
  async hotTopics(tenantId: string, days: number, limit: number) {
    const since = new Date(clock.nowMs() - days * 86400_000).toISOString();
    const rows = await this.db.selectFrom('text_items').select(['id', 'source', 'ref_id', 'title', 'body', 'created_at'])
      .where('tenant_id', '=', tenantId).where('source', 'in', HOT_TOPIC_SOURCES).where('created_at', '>=', since).orderBy('created_at').limit(20000).execute();
    await this.ensureDictionary();
    const seg = segmenter();
    const words = rows.map((r) => seg.terms(`${r.title}。${r.title}。${r.body}`));
    const vocab = new Vocabulary();
    for (const w of words) vocab.observe(w);
    const topics = hotTopics(words.map((w, i) => ({ vec: termVector(vocab, w, 16), time: rows[i].created_at })), vocab, { top: limit });
    return {
      days, items: rows.length,
      topics: topics.map((t) => ({
        keywords: t.keywords, count: t.count, trend: t.trend,
        items: t.members.slice(0, 50).map((m) => ({ id: rows[m].id, source: rows[m].source, refId: rows[m].ref_id, title: rows[m].title })),
      })),
    };
  }

  // ---------- unit suggestion ----------

  /**
   * The examples the tenant's suggestion learns from: the assignments (交办) the owning modules decided, read from
   * their own records (each record once, with its current unit), then the texts recorded here (imported history, and
   * records whose module keeps none) that are not among them, the latest per record or text; only units of the tenant.
   * The signature names the set, so a stored model trained on the same set is used as it is.
   */
  private async examples(tenantId: string): Promise<{ examples: Example[]; signature: string }> {
    const [units, history, rows] = await Promise.all([
      listUnits(this.db, tenantId).then((us) => new Set(us.map((u) => String(u.id)))),
      this.records.assignmentHistory(tenantId),
      this.db.selectFrom('text_assignments').select(['id', 'text', 'unit_id']).where('tenant_id', '=', tenantId)
        .orderBy('created_at', 'desc').orderBy('id', 'desc').execute(),
    ]);
    const examples: Example[] = [];
    const keys = new Set<string>();
    const texts = new Set<string>();
    for (const h of history) {
      if (!units.has(h.unitId)) continue;
      const key = `${h.type}:${h.id}`;
      if (keys.has(key)) continue;
      keys.add(key);
      texts.add(h.text.trim());
      examples.push({ key, text: h.text, label: h.unitId });
    }
    for (const r of rows) {
      const key = r.id.includes(':') ? r.id : null;
      const text = r.text.trim();
      if (!units.has(r.unit_id) || (key && keys.has(key)) || texts.has(text)) continue;
      if (key) keys.add(key);
      texts.add(text);
      examples.push({ key, text: r.text, label: r.unit_id });
    }
    const hash = createHash('sha256');
    for (const e of examples) hash.update(`${e.key ?? ''}\u0000${e.label}\u0000${e.text}\u0001`);
    return { examples, signature: hash.digest('base64url') };
  }

  private remember(tenantId: string, examples: readonly Example[]): TenantLearning {
    const l = new TenantLearning();
    for (const e of examples) {
      if (e.key) l.unitOf.set(e.key, e.label);
      l.perUnit.set(e.label, (l.perUnit.get(e.label) ?? 0) + 1);
    }
    const before = this.learning.get(tenantId);
    if (before) for (const k of before.pending) l.pending.add(k);
    this.learning.set(tenantId, l);
    return l;
  }

  /**
   * The tenant's model: the stored one when it was trained on the current examples; otherwise one trained now when
   * none is stored, or the stored one while a retraining runs in the background.
   */
  private model(tenantId: string): Promise<UnitClassifier | null> {
    let p = this.models.get(tenantId);
    if (!p) {
      p = (async () => {
        await this.ensureDictionary();
        const [row, set] = await Promise.all([
          this.db.selectFrom('text_models').select(['data']).where('tenant_id', '=', tenantId).where('kind', '=', 'units').executeTakeFirst(),
          this.examples(tenantId),
        ]);
        this.remember(tenantId, set.examples);
        const stored = row ? JSON.parse(Buffer.from(row.data as Uint8Array).toString('utf8')) : null;
        // a model stored in an earlier format is retrained
        if (!stored || !UnitClassifier.readable(stored)) return this.retrain(tenantId);
        const model = UnitClassifier.fromJSON(stored);
        this.loaded.set(tenantId, model);
        if (stored.signature !== set.signature) this.retrainLater(tenantId);
        return model;
      })();
      this.models.set(tenantId, p);
      p.catch(() => this.models.delete(tenantId));
    }
    return p;
  }

  /**
   * Retrains the tenant's model from all its examples and stores it. One retraining runs at a time per tenant; asked
   * while one runs, the next starts after it and takes every change made until then.
   */
  retrain(tenantId: string): Promise<UnitClassifier | null> {
    const queued = this.queued.get(tenantId);
    if (queued) return queued;
    const run = (this.training.get(tenantId) ?? Promise.resolve()).catch(() => undefined).then(async () => {
      this.queued.delete(tenantId);
      return this.fit(tenantId);
    });
    this.queued.set(tenantId, run);
    this.training.set(tenantId, run);
    run.then(() => { if (this.training.get(tenantId) === run) this.training.delete(tenantId); }, () => { if (this.training.get(tenantId) === run) this.training.delete(tenantId); });
    return run;
  }

  private retrainLater(tenantId: string): void {
    this.retrain(tenantId).catch((e) => this.log('unit suggestion: retraining failed', e));
  }

  /**
   * Makes the tenant's model and its similar-items index ready before anyone asks: the stored model when it matches
   * the examples, otherwise one trained now (in a worker thread). The periodic job calls it for every CPPCC, so the first suggestion after a start
   * or after a batch of assignments seldom waits for training.
   */
  async warm(tenantId: string): Promise<void> {
    await this.catchUp(tenantId);
    await Promise.all([this.model(tenantId), this.corpus(tenantId)]);
    await this.settled(tenantId);
  }

  /** Resolves when no retraining of the tenant's model runs or waits (tests, benchmarks). */
  async settled(tenantId: string): Promise<void> {
    for (let p = this.training.get(tenantId); p; p = this.training.get(tenantId)) await p.catch(() => undefined);
  }

  private async fit(tenantId: string): Promise<UnitClassifier | null> {
    await this.ensureDictionary();
    this.learning.get(tenantId)?.pending.clear();
    const { examples, signature } = await this.examples(tenantId);
    const learning = this.remember(tenantId, examples);
    const labels = new Set(examples.map((e) => e.label));
    let model: UnitClassifier | null = null;
    if (examples.length >= 2 && labels.size >= 2) {
      const words = await this.db.selectFrom('text_dictionary').select(['word', 'tag']).execute();
      model = await trainUnits(examples.map((e) => ({ text: e.text, label: e.label })), words.map((w) => ({ word: w.word, tag: w.tag ?? undefined })), this.log);
      const data = Buffer.from(JSON.stringify({ ...model.toJSON(), signature }), 'utf8');
      const now = clock.iso();
      await this.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('text_models').where('tenant_id', '=', tenantId).where('kind', '=', 'units').execute();
        await trx.insertInto('text_models').values({ id: newId(), tenant_id: tenantId, kind: 'units', data, examples: examples.length, created_at: now, updated_at: now }).execute();
      });
    }
    this.loaded.set(tenantId, model);
    this.models.set(tenantId, Promise.resolve(model));
    // assignments made while it trained wait for the next round
    if (model && learning.pending.size >= this.retrainEvery) this.retrainLater(tenantId);
    return model;
  }

  /**
   * Records a decided assignment (交办) so the suggestions learn from it. `record` names the record assigned: a record
   * whose module declares its assignment history is read from there, so nothing is stored here; another record's text
   * is stored once per record (a redelivered event, or a later decision, replaces it); a text without a record is
   * imported history. Known at once for the reasons shown; the model is retrained in the background when a unit is new
   * to it or enough assignments have accumulated. Delivering the same event twice changes nothing.
   */
  async recordAssignment(tenantId: string, text: string, unitId: string, record?: RecordRef): Promise<void> {
    const key = record ? `${record.type}:${record.id}` : null;
    if (!record || !this.records.hasAssignmentHistory(record.type)) {
      const now = clock.iso();
      if (key) {
        await this.db.transaction().execute(async (trx) => {
          const had = await trx.selectFrom('text_assignments').select(['text', 'unit_id']).where('id', '=', key).executeTakeFirst();
          if (had && had.unit_id === unitId && had.text === text) return;
          if (had) await trx.deleteFrom('text_assignments').where('id', '=', key).execute();
          await trx.insertInto('text_assignments').values({ id: key, tenant_id: tenantId, text, unit_id: unitId, created_at: now }).execute();
        });
      } else {
        await this.db.insertInto('text_assignments').values({ id: newId(), tenant_id: tenantId, text, unit_id: unitId, created_at: now }).execute();
      }
    }
    const learning = this.learning.get(tenantId);
    if (!learning) return; // not loaded here yet: the first suggestion reads every example afresh
    if (key) {
      const before = learning.unitOf.get(key);
      if (before === unitId) return; // known already (a redelivered event)
      if (before) learning.perUnit.set(before, (learning.perUnit.get(before) ?? 1) - 1);
      learning.unitOf.set(key, unitId);
    }
    learning.perUnit.set(unitId, (learning.perUnit.get(unitId) ?? 0) + 1);
    learning.pending.add(key ?? newId());
    const model = this.loaded.get(tenantId);
    if (model === undefined) return;
    if (!model || !model.labels.includes(unitId) || learning.pending.size >= this.retrainEvery) this.retrainLater(tenantId);
  }

  /**
   * Learns the assignments decided through another instance (whose `text.assigned` event was delivered there): the
   * records' current units as their modules keep them, compared with what this instance knows, at most every
   * `staleCheckMs`; they count towards a retraining here as this instance's own do.
   */
  private async catchUp(tenantId: string): Promise<void> {
    const learning = this.learning.get(tenantId);
    const model = this.loaded.get(tenantId);
    if (!learning || model === undefined || this.training.has(tenantId)) return;
    const now = performance.now();
    if (now - (this.checkedAt.get(tenantId) ?? -Infinity) < this.staleCheckMs) return;
    this.checkedAt.set(tenantId, now);
    const { examples } = await this.examples(tenantId);
    let fresh = false;
    for (const e of examples) {
      if (!e.key || learning.unitOf.get(e.key) === e.label) continue;
      const before = learning.unitOf.get(e.key);
      if (before) learning.perUnit.set(before, (learning.perUnit.get(before) ?? 1) - 1);
      learning.unitOf.set(e.key, e.label);
      learning.perUnit.set(e.label, (learning.perUnit.get(e.label) ?? 0) + 1);
      learning.pending.add(e.key);
      fresh ||= !model || !model.labels.includes(e.label);
    }
    if (fresh || learning.pending.size >= this.retrainEvery) this.retrainLater(tenantId);
  }

  /**
   * How the records most similar to a text were assigned: of the (up to) ten nearest records already assigned
   * (leaving out `record` and the records merged with it), how many went to each unit.
   */
  private async neighbours(tenantId: string, terms: readonly string[], learning: TenantLearning, record?: { source: string; refId: string }) {
    const byUnit = new Map<string, number>();
    if (!learning.unitOf.size) return { total: 0, byUnit };
    const c = await this.corpus(tenantId);
    // the record's own items are left out (their words' counts are not discounted here: a suggestion stays quick)
    const own = new Set<number>();
    if (record) {
      const type = this.records.typeOfSource(record.source);
      const ids = type ? await this.records.sameRecords(type, record.refId) : [record.refId];
      for (const id of ids) for (const n of c.byRefId.get(id) ?? []) own.add(n);
    }
    const keyOf = (d: number) => {
      const m = c.meta[d];
      const type = this.records.typeOfSource(m.source);
      return type ? `${type}:${m.refId}` : null;
    };
    const q = termVector(c.vocab, terms);
    const hits = c.index.search(q, NEIGHBOURS * 3, (d) => {
      const k = own.has(d) ? null : keyOf(d);
      return !k || !learning.unitOf.has(k);
    });
    const seen = new Set<string>();
    for (const h of hits) {
      if (h.score < NEIGHBOUR_MIN_SCORE || seen.size >= NEIGHBOURS) break;
      const k = keyOf(h.doc)!;
      if (seen.has(k)) continue;
      seen.add(k);
      const u = learning.unitOf.get(k)!;
      byUnit.set(u, (byUnit.get(u) ?? 0) + 1);
    }
    return { total: seen.size, byUnit };
  }

  /**
   * Units ranked for a text: the learned model first, keyword rules for units the model does not know yet; only
   * `units` when given. Each learned suggestion says why: the text's words that weighed most for the unit, how many
   * of the most similar assigned records went to it (leaving out `record`, the record being assigned, and its 并案
   * group), and how many examples of the unit the model learned from.
   */
  async suggestUnits(tenantId: string, text: string, limit: number, units?: ReadonlySet<string>, record?: { source: string; refId: string }) {
    await this.ensureDictionary();
    await this.catchUp(tenantId);
    const [model, rules] = await Promise.all([this.model(tenantId), this.rules(tenantId)]);
    const cut = segmenter().cut(text);
    const words = cut.filter(isWord);
    const x = model ? model.space.weigh(countFeatures(text, words)) : null;
    // what the text is about, and of whom its asking sentences ask (承办对象)
    const addressed = model ? addressedUnits(text, await this.namedUnits(tenantId)) : new Map<string, number>();
    const ranked: Ranked[] = model && x ? rankAddressed(model, x, addressed) : [];
    const matched = new Map<string, string[]>();
    for (const r of rules) {
      const hits = r.keywords.filter((k) => k && text.includes(k));
      if (hits.length) matched.set(r.unitId, hits);
    }
    type Suggestion = { unitId: string; confidence: number; basis: 'model' | 'rule'; matchedKeywords: string[]; reasons?: SuggestionReasons };
    const out: Suggestion[] = [];
    if (ranked.length) for (const r of ranked) out.push({ unitId: r.label, confidence: round3(r.confidence), basis: 'model', matchedKeywords: matched.get(r.label) ?? [] });
    const ruleOnly = [...matched.entries()].filter(([u]) => !ranked.some((r) => r.label === u)).sort((a, b) => b[1].length - a[1].length);
    const totalHits = ruleOnly.reduce((s, [, h]) => s + h.length, 0);
    const ruleEntries = ruleOnly.map(([unitId, hits]) => ({ unitId, confidence: round3(hits.length / Math.max(1, totalHits)), basis: 'rule' as const, matchedKeywords: hits }));
    // rules lead when there is no model; otherwise they follow a confident model and precede a doubtful one
    if (!ranked.length || ranked[0].confidence < 0.3) out.unshift(...ruleEntries);
    else out.push(...ruleEntries);
    const kept = (units ? out.filter((s) => units.has(s.unitId)) : out).slice(0, limit);
    const learning = this.learning.get(tenantId);
    if (model && x && learning && kept.some((s) => s.basis === 'model')) {
      const near = await this.neighbours(tenantId, segmenter().contentTerms(cut), learning, record);
      for (const s of kept) {
        if (s.basis !== 'model') continue;
        s.reasons = {
          terms: model.topTerms(x, words, s.unitId, 5), similar: near.total, similarToUnit: near.byUnit.get(s.unitId) ?? 0, unitTotal: learning.perUnit.get(s.unitId) ?? 0,
          ...(addressed.has(s.unitId) ? { named: addressed.get(s.unitId) } : {}),
        };
      }
    }
    return { suggestions: kept, modelExamples: model?.examples ?? 0 };
  }

  /** The tenant's units with their names and short names (组织机构), kept a minute. */
  private namedUnits(tenantId: string): Promise<NamedUnit[]> {
    const now = performance.now();
    const hit = this.unitNames.get(tenantId);
    if (hit && now - hit.at < 60_000) return hit.units;
    const units = listUnits(this.db, tenantId).then((us) => us.map((u) => ({ label: String(u.id), names: [u.name, u.short_name].filter((n): n is string => !!n) })));
    units.catch(() => this.unitNames.delete(tenantId));
    this.unitNames.set(tenantId, { at: now, units });
    return units;
  }

  async rules(tenantId: string) {
    const rows = await this.db.selectFrom('text_unit_rules').select(['unit_id', 'keywords', 'version']).where('tenant_id', '=', tenantId).orderBy('unit_id').execute();
    return rows.map((r) => ({ unitId: r.unit_id as string, keywords: JSON.parse(r.keywords) as string[], version: Number(r.version) }));
  }

  /** Sets a unit's keyword rule; `version` guards against overwriting someone else's edit. */
  async putRule(actor: Actor, unitId: string, keywords: string[], version?: number) {
    const clean = [...new Set(keywords.map((k) => k.trim()).filter(Boolean))];
    const now = clock.iso();
    return this.db.transaction().execute(async (trx) => {
      const cur = await trx.selectFrom('text_unit_rules').select(['id', 'version']).where('tenant_id', '=', actor.tenantId).where('unit_id', '=', unitId).executeTakeFirst();
      let v: number;
      if (cur) {
        if (version !== undefined && Number(cur.version) !== version) throw new AppError('VERSION_CONFLICT', '该单位的关键词已被他人修改，请刷新后重试');
        v = Number(cur.version) + 1;
        const r = await trx.updateTable('text_unit_rules').set({ keywords: JSON.stringify(clean), version: v, updated_at: now })
          .where('id', '=', cur.id).where('version', '=', cur.version).executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT', '该单位的关键词已被他人修改，请刷新后重试');
      } else {
        v = 1;
        await trx.insertInto('text_unit_rules').values({ id: newId(), tenant_id: actor.tenantId, unit_id: unitId, keywords: JSON.stringify(clean), version: v, created_at: now, updated_at: now }).execute();
      }
      await appendAudit(trx, this.dialect, { tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'text.rule.put', entityType: 'text_unit_rule', entityId: unitId, data: { keywords: clean } });
      return { unitId, keywords: clean, version: v };
    });
  }

  // ---------- dictionary ----------

  async dictionary(tenantId: string) {
    const rows = await this.db.selectFrom('text_dictionary').select(['word', 'tag', 'created_at']).where('tenant_id', '=', tenantId).orderBy('word').execute();
    return { words: rows.map((r) => ({ word: r.word, tag: r.tag, createdAt: r.created_at })), bundled: cppccTerms.length };
  }

  /** Adds words to the tenant's dictionary and to the segmenter at once; existing words are skipped. */
  async addWords(actor: Actor, words: string[], tag: string): Promise<number> {
    await this.ensureDictionary();
    const now = clock.iso();
    const fresh = [...new Set(words.map((w) => w.trim()))];
    const added = await this.db.transaction().execute(async (trx) => {
      const have = new Set((await trx.selectFrom('text_dictionary').select('word').where('tenant_id', '=', actor.tenantId).where('word', 'in', fresh).execute()).map((r) => r.word));
      const rows = fresh.filter((w) => !have.has(w)).map((word) => ({ id: newId(), tenant_id: actor.tenantId, word, tag, created_by: actor.userId, created_at: now }));
      if (rows.length) await trx.insertInto('text_dictionary').values(rows).execute();
      await appendAudit(trx, this.dialect, { tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'text.dictionary.add', entityType: 'text_dictionary', entityId: actor.tenantId, data: { words: rows.map((r) => r.word) } });
      return rows.map((r) => r.word);
    });
    segmenter().loadDict(added.map((word) => ({ word, tag })));
    if (added.length) this.corpora.clear(); // segmentation changed: indexes rebuild on next use
    return added.length;
  }
}

function fingerprintOfDoc(c: TenantCorpus, doc: number) {
  return c.dups.fingerprintOf(doc)!;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** What the search index stores of a record's text: the stored item's id, key and creation time, the record's facts and its indexed text. */
function searchFacts(id: string, tenantId: string, searchKey: number, createdAt: string, item: TextItemInput, text: IndexedText): IndexedItem {
  return {
    id, tenantId, searchKey, source: item.source, refId: item.refId, ownerUserId: item.ownerUserId ?? null, createdAt,
    state: item.state ?? null, unitId: item.unitId ?? null, title: item.title, ...text,
  };
}

/** A text read once: its content terms and its matter (jieba's tags give the place names it knows). */
interface ReadText { terms: string[]; facts: MatterFacts }

function readText(text: string): ReadText {
  const seg = segmenter();
  const tagged = seg.tag(text);
  const terms = seg.contentTerms(tagged.map((w) => w.word));
  return { terms, facts: matterFacts(text, terms, tagged) };
}

export type { MatterExplanation };
