/** The text service: per-tenant in-memory indexes over `text_items`, the unit-suggestion model, rules and dictionary. */
import type { DialectName } from '../../../kernel/server/db/dialect.ts';
import { appendAudit } from '../../../kernel/server/audit.ts';
import type { Actor } from '../../../kernel/server/actor.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { AppError } from '../../../kernel/universal/errors.ts';
import { segmenter } from '../domain/segmenter.ts';
import { cppccTerms } from '../domain/terms.ts';
import { train, UnitClassifier, type Ranked } from '../domain/classifier.ts';
import { SimilarIndex, Vocabulary, termVector, sharedTerms, cosine, type TermVec } from '../domain/similar.ts';
import { DuplicateIndex, fingerprint, DEFAULT_DUP_THRESHOLD, similarity, groupPairs } from '../domain/duplicates.ts';
import { hotTopics } from '../domain/hot-topics.ts';
import { TextSearch, indexText, newSearchKey, type IndexedText, type TextItemInput } from './search.ts';
import type { IndexedItem } from './search-store.ts';
import { noSearchVisibility, visibleCandidates, type SearchVisibility } from './search-policy.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { textDb, type TextDb } from './tables.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';

export type { TextItemInput };

interface ItemMeta { id: string; source: string; refId: string; title: string; createdAt: string; ownerUserId: string | null }

/** Per-tenant search state: the vocabulary is fixed when built and rebuilt when the corpus has doubled. */
class TenantCorpus {
  vocab = new Vocabulary();
  index = new SimilarIndex();
  dups = new DuplicateIndex<number>();
  meta: ItemMeta[] = [];
  byRef = new Map<string, number>();
  builtAt = 0;
}

const tok = (t: string) => segmenter().cut(t).filter((w) => w.trim() && !/^[\p{P}\s]+$/u.test(w));

export class TextService {
  private corpora = new Map<string, Promise<TenantCorpus>>();
  private models = new Map<string, Promise<UnitClassifier | null>>();
  private pendingExamples = new Map<string, number>();
  private dictionaryLoaded?: Promise<void>;
  /** retrain after this many new assignments (the model also learns each one immediately through its rules path) */
  retrainEvery = 20;

  /** the cross-module full-text search over the same items */
  readonly search: TextSearch;

  /** `visibility`: who may see which found items (in the app, the entities the modules declare) */
  private readonly db: TextDb;
  constructor(db: AnyModuleDb, private readonly dialect: DialectName, private readonly visibility: SearchVisibility = noSearchVisibility) {
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
    const seg = segmenter();
    const words = rows.map((r) => seg.terms(`${r.title}。${r.body}`));
    for (const w of words) c.vocab.observe(w);
    rows.forEach((r, i) => this.addToCorpus(c, { id: r.id, source: r.source, refId: r.ref_id, title: r.title, createdAt: r.created_at, ownerUserId: r.owner_user_id ?? null }, words[i], `${r.title}\n${r.body}`));
    c.builtAt = rows.length;
    return c;
  }

  private addToCorpus(c: TenantCorpus, meta: ItemMeta, words: string[], full: string) {
    const n = c.index.add(termVector(c.vocab, words));
    c.meta.push(meta);
    c.byRef.set(`${meta.source}:${meta.refId}`, n);
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
    const words = segmenter().terms(`${item.title}。${item.body}`);
    for (const w of words) c.vocab.id(w);
    if (c.meta.length + 1 > Math.max(50, c.builtAt * 2)) this.corpora.delete(tenantId); // vocabulary grew a lot: rebuild lazily
    else this.addToCorpus(c, { id, source: item.source, refId: item.refId, title: item.title, createdAt, ownerUserId: item.ownerUserId ?? null }, words, `${item.title}\n${item.body}`);
  }

  /** Stores many records' texts at once (demo data, imports); records indexed already are re-indexed one by one. */
  async indexItems(tenantId: string, items: readonly TextItemInput[]): Promise<void> {
    await this.ensureDictionary();
    const known = await this.search.writeNew(tenantId, items);
    this.corpora.delete(tenantId); // many new items: the tenant's index rebuilds on next use
    for (const item of known) await this.indexItem(tenantId, item);
  }

  /** The most similar earlier items with scores, a duplicate flag and the shared keywords. */
  async similar(tenantId: string, text: string, limit: number, source?: string, threshold = DEFAULT_DUP_THRESHOLD, visibleTo?: Actor) {
    const c = await this.corpus(tenantId);
    const words = segmenter().terms(text);
    const q = termVector(c.vocab, words);
    const fp = fingerprint(text);
    const exclude = source ? (d: number) => c.meta[d].source !== source : undefined;
    const hits = c.index.search(q, visibleTo ? limit * 4 : limit, exclude);
    const dupHits = c.dups.query(fp, threshold).filter((h) => !exclude?.(h.key));
    const seen = new Set(hits.map((h) => h.doc));
    for (const d of dupHits) if (!seen.has(d.key)) hits.unshift({ doc: d.key, score: Math.max(d.score, 0) });
    const items = hits.map((h) => {
      const m = c.meta[h.doc];
      const dupScore = similarity(fp, fingerprintOfDoc(c, h.doc));
      return {
        id: m.id, source: m.source, refId: m.refId, title: m.title, score: Math.round(Math.max(h.score, dupScore) * 1000) / 1000,
        duplicate: dupScore >= threshold, doc: h.doc,
      };
    });
    // duplicates first, then by score; only the kept ones get their shared keywords
    items.sort((a, b) => Number(b.duplicate) - Number(a.duplicate) || b.score - a.score);
    // only what the asking person may see (the owning module's search policy), checked on a few more than needed
    let allowed = items;
    if (visibleTo) {
      const pool = items.slice(0, limit * 4);
      const ok = await visibleCandidates(this.visibility, visibleTo, pool.map((x) => ({ id: x.id, source: x.source, refId: x.refId, tenantId, ownerUserId: c.meta[x.doc].ownerUserId })));
      allowed = pool.filter((x) => ok.has(x.id));
    }
    const kept = allowed.slice(0, limit).map(({ doc, ...it }) => ({ ...it, sharedKeywords: sharedTerms(q, c.index.vector(doc), c.vocab), actions: ['open'] }));
    return { items: kept, keywords: segmenter().keywords(text, 8).map((k) => k.word) };
  }

  /**
   * Groups of likely duplicates among some records of one source (the review queue's submitted proposals): a pair
   * counts when its wording is near-identical (MinHash estimate) and its topic agrees (term cosine), both at least
   * `threshold`; groups are the connected pairs, each with its pairs' scores and the keywords its members share.
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
    const pairs = local.pairs(threshold)
      .map((p) => ({ ...p, topic: cosine(vec(p.a), vec(p.b)) }))
      .filter((p) => p.topic >= threshold)
      .map((p) => ({ a: p.a, b: p.b, score: Math.round(Math.min(p.score, p.topic) * 1000) / 1000 }));
    return groupPairs(pairs).map((members) => {
      const inGroup = new Set(members);
      const own = pairs.filter((p) => inGroup.has(p.a));
      const counts = new Map<string, number>();
      for (const p of own) for (const w of sharedTerms(vec(p.a), vec(p.b), c.vocab, 8)) counts.set(w, (counts.get(w) ?? 0) + 1);
      return {
        refIds: members.map((m) => docs.get(m)!),
        pairs: own.map((p) => ({ a: docs.get(p.a)!, b: docs.get(p.b)!, score: p.score })),
        sharedKeywords: [...counts.entries()].sort((x, y) => y[1] - x[1]).slice(0, 6).map(([w]) => w),
      };
    });
  }

  /** Hot topics over the tenant's items of the last `days` days. */
  async hotTopics(tenantId: string, days: number, limit: number) {
    const since = new Date(clock.nowMs() - days * 86400_000).toISOString();
    const rows = await this.db.selectFrom('text_items').select(['id', 'source', 'ref_id', 'title', 'body', 'created_at'])
      .where('tenant_id', '=', tenantId).where('created_at', '>=', since).orderBy('created_at').limit(20000).execute();
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

  private model(tenantId: string): Promise<UnitClassifier | null> {
    let p = this.models.get(tenantId);
    if (!p) {
      p = (async () => {
        const row = await this.db.selectFrom('text_models').select(['data']).where('tenant_id', '=', tenantId).where('kind', '=', 'units').executeTakeFirst();
        if (!row) return null;
        const stored = JSON.parse(Buffer.from(row.data as Uint8Array).toString('utf8'));
        // a model stored in an earlier format is retrained from the recorded assignments
        return UnitClassifier.readable(stored) ? UnitClassifier.fromJSON(stored) : this.retrain(tenantId);
      })();
      this.models.set(tenantId, p);
      p.catch(() => this.models.delete(tenantId));
    }
    return p;
  }

  /** Retrains the tenant's model from all recorded assignments and stores it. */
  async retrain(tenantId: string): Promise<UnitClassifier | null> {
    await this.ensureDictionary();
    const rows = await this.db.selectFrom('text_assignments').select(['text', 'unit_id']).where('tenant_id', '=', tenantId).execute();
    const labels = new Set(rows.map((r) => r.unit_id));
    if (rows.length < 2 || labels.size < 2) return null;
    const model = train(tok, rows.map((r) => ({ text: r.text, label: r.unit_id })));
    const data = Buffer.from(JSON.stringify(model.toJSON()), 'utf8');
    const now = clock.iso();
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('text_models').where('tenant_id', '=', tenantId).where('kind', '=', 'units').execute();
      await trx.insertInto('text_models').values({ id: newId(), tenant_id: tenantId, kind: 'units', data, examples: rows.length, created_at: now, updated_at: now }).execute();
    });
    this.models.set(tenantId, Promise.resolve(model));
    this.pendingExamples.set(tenantId, 0);
    return model;
  }

  /** Records a decided assignment (交办) so the suggestions learn from it; retrains when enough have accumulated. */
  async recordAssignment(tenantId: string, text: string, unitId: string): Promise<void> {
    await this.db.insertInto('text_assignments').values({ id: newId(), tenant_id: tenantId, text, unit_id: unitId, created_at: clock.iso() }).execute();
    const pending = (this.pendingExamples.get(tenantId) ?? 0) + 1;
    this.pendingExamples.set(tenantId, pending);
    const model = await this.model(tenantId);
    if (!model || !model.labels.includes(unitId) || pending >= this.retrainEvery) await this.retrain(tenantId);
  }

  /** Units ranked for a text: the learned model first, keyword rules for units the model does not know yet; only `units` when given. */
  async suggestUnits(tenantId: string, text: string, limit: number, units?: ReadonlySet<string>) {
    await this.ensureDictionary();
    const [model, rules] = await Promise.all([this.model(tenantId), this.rules(tenantId)]);
    const ranked: Ranked[] = model ? model.rank(model.vectorize(tok, text)) : [];
    const matched = new Map<string, string[]>();
    for (const r of rules) {
      const hits = r.keywords.filter((k) => k && text.includes(k));
      if (hits.length) matched.set(r.unitId, hits);
    }
    const out: Array<{ unitId: string; confidence: number; basis: 'model' | 'rule'; matchedKeywords: string[] }> = [];
    if (ranked.length) for (const r of ranked) out.push({ unitId: r.label, confidence: round3(r.confidence), basis: 'model', matchedKeywords: matched.get(r.label) ?? [] });
    const ruleOnly = [...matched.entries()].filter(([u]) => !ranked.some((r) => r.label === u)).sort((a, b) => b[1].length - a[1].length);
    const totalHits = ruleOnly.reduce((s, [, h]) => s + h.length, 0);
    const ruleEntries = ruleOnly.map(([unitId, hits]) => ({ unitId, confidence: round3(hits.length / Math.max(1, totalHits)), basis: 'rule' as const, matchedKeywords: hits }));
    // rules lead when there is no model; otherwise they follow a confident model and precede a doubtful one
    if (!ranked.length || ranked[0].confidence < 0.3) out.unshift(...ruleEntries);
    else out.push(...ruleEntries);
    return { suggestions: (units ? out.filter((x) => units.has(x.unitId)) : out).slice(0, limit), modelExamples: model?.examples ?? 0 };
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
