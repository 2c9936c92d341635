/**
 * The 公文 archive at volume, on SQLite and PostgreSQL (when it answers), through the real app in process: 100,000
 * signed documents (10,000 with --quick) over ten years and five types, each with its 文号, and the archive's searches
 * one request at a time: by 文号, by type and year, by a word of the title (with and without a year), by state, a
 * later page, and the year's figures. A word of the title is found through the title index (二元组 of 文号 and title,
 * per CPPCC and year; its rarest pieces first). Target: p99 ≤ 50 ms per search. The baselines, measured in the same
 * run: the brute-force search the archive replaces (every document of the CPPCC read and filtered in memory), and for
 * a word the plain `LIKE '%…%'` count and page (`like_p99`); each search's total must equal both.
 * Prints JSON lines (bench/lib.ts); progress on stderr.
 */
import { performance } from 'node:perf_hooks';
import { dialects } from '../test/support/db.ts';
import { startWorld, type World } from '../test/support/factories.ts';
import { newId } from '../src/kernel/universal/ids.ts';
import { addDays } from '../src/kernel/universal/working-days.ts';
import { defaultChains, documentNumber, documentTypes, titleGrams, typeDefs } from '../src/modules/documents/domain/document-rules.ts';
import { crashed, crashes, emit, inFlight, note, percentile, quick, round } from './lib.ts';

const DOCS = quick ? 10_000 : 100_000;
const YEARS = 10;
const P99_MS = 50;
const TOPICS = ['老旧小区改造', '县域医共体建设', '职业教育产教融合', '农村人居环境整治', '数字经济发展', '营商环境优化', '乡村振兴示范村建设', '黄河流域生态保护', '社区养老服务', '城市停车难治理'];

async function run(w: World, kind: string) {
  const db = w.zx.ctx.db;
  const year = Number(w.zx.ctx.calendar.today().slice(0, 4)) - 1;
  const staff = w.people.get('office')!;
  note(`${kind}: loading ${DOCS} documents over ${YEARS} years`);
  const t0 = performance.now();
  const seqs = new Map<string, number>();
  const BATCH = 2000;
  for (let start = 0; start < DOCS; start += BATCH) {
    const rows: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(DOCS, start + BATCH); i++) {
      const y = year - YEARS + 1 + Math.floor((i * YEARS) / DOCS);
      const type = documentTypes[i % documentTypes.length];
      const key = `${type}${y}`;
      const seq = (seqs.get(key) ?? 0) + 1;
      seqs.set(key, seq);
      const topic = TOPICS[(i * 7) % TOPICS.length];
      const title = `关于${topic}第${i}项工作的${typeDefs[type].label}`;
      const body = `各专门委员会：\n为做好${topic}有关工作，现就有关事项${typeDefs[type].label}如下。`.repeat(4);
      const on = addDays(`${y}-01-02`, Math.floor(((i * YEARS) % DOCS) / (DOCS / 360)));
      rows.push({
        id: newId(), tenant_id: w.ids.cityId, doc_type: type, title, body, addressee: '', chars: title.length + body.length, owner_user_id: staff.userId, owner_name: '工作人员', owner_org_id: staff.orgId,
        state: i % 3 ? 'signed' : 'distributed', chain: JSON.stringify(defaultChains[type]), round: 1, return_reason: null,
        number: documentNumber('长政协', type, y, seq), number_year: y, number_seq: seq, signer_name: '领导', signed_at: `${on}T08:00:00.000Z`, version_no: 1, version: 4,
        created_at: `${on}T01:00:00.000Z`, updated_at: `${on}T08:00:00.000Z`,
      });
    }
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 200) await trx.insertInto('documents_items' as never).values(rows.slice(i, i + 200) as never).execute();
      // the archive's title index, as the commands write it
      const grams = rows.flatMap((r) => titleGrams(`${r.number}${r.title}`).map((gram) => ({ gram, document_id: r.id, tenant_id: r.tenant_id, year: r.number_year })));
      for (let i = 0; i < grams.length; i += 1000) await trx.insertInto('documents_title_grams' as never).values(grams.slice(i, i + 1000) as never).execute();
    });
    if ((start / BATCH) % 10 === 0) note(`${kind}: ${start + rows.length} documents loaded`);
  }
  emit({ name: `documents_load_${kind}`, value: round((performance.now() - t0) / 1000, 1), unit: 's', documents: DOCS });
  if (kind === 'postgres') await (db as any).executeQuery({ sql: 'ANALYZE', parameters: [], query: { kind: 'RawNode' } }).catch(() => {});

  const office = await w.as('office');
  const number = documentNumber('长政协', 'notice', year, 17);
  const searches: Array<[string, string, (r: { doc_type: string; number_year: number; number: string; title: string; state: string }) => boolean]> = [
    ['by_number', `number=${encodeURIComponent(number)}`, (r) => r.number.includes(number)],
    ['type_year', `docType=letter&year=${year}`, (r) => r.doc_type === 'letter' && r.number_year === year],
    ['title_word_year', `q=${encodeURIComponent('老旧小区')}&year=${year}`, (r) => r.title.includes('老旧小区') && r.number_year === year],
    ['title_word', `q=${encodeURIComponent('第4242项')}`, (r) => r.title.includes('第4242项')],
    ['title_word_rare_year', `q=${encodeURIComponent('第4242项')}&year=${year - YEARS + 1}`, (r) => r.title.includes('第4242项') && r.number_year === year - YEARS + 1],
    ['title_word_common', `q=${encodeURIComponent('老旧小区')}`, (r) => r.title.includes('老旧小区')],
    ['title_word_none', `q=${encodeURIComponent('不存在的词')}`, (r) => r.title.includes('不存在的词')],
    ['state_type', `state=distributed&docType=request`, (r) => r.state === 'distributed' && r.doc_type === 'request'],
    ['page_50', `page=50`, () => true],
  ];
  const n = quick ? 40 : 200;
  // a bare route at the same pace: what any request costs on this machine in this run (sign-in check, HTTP)
  const bare = await inFlight(Array.from({ length: n }, () => () => office.get('/api/health')), 1);
  emit({ name: `documents_bare_health_p99_${kind}`, value: round(percentile(bare.times, 99), 1), unit: 'ms', p50: round(percentile(bare.times, 50), 1), requests: n });
  for (const [name, query, match] of searches) {
    const url = `/api/office/documents?pageSize=20&${query}`;
    const first = await office.get(url);
    if (first.status !== 200) throw new Error(`${url}: ${first.status} ${JSON.stringify(first.body).slice(0, 200)}`);
    const r = await inFlight(Array.from({ length: n }, () => () => office.get(url)), 1);
    // the baseline: read every document of the CPPCC and filter in memory (what an archive without its indexes does)
    const brute = await inFlight(Array.from({ length: quick ? 5 : 10 }, () => async () => {
      const rows = await db.selectFrom('documents_items' as never).select(['doc_type', 'number_year', 'number', 'title', 'state'] as never).where('tenant_id' as never, '=', w.ids.cityId as never).execute();
      return (rows as any[]).filter(match).length;
    }), 1);
    if (brute.results[0] !== first.body.total) throw new Error(`${name}: the archive found ${first.body.total}, the brute force ${brute.results[0]}`);
    // for a word, the plain text match the index replaces: LIKE '%…%' over the CPPCC's documents (with the year), count and page
    const word = new URLSearchParams(query).get('q');
    const like = word ? await inFlight(Array.from({ length: quick ? 5 : 20 }, () => async () => {
      const y = new URLSearchParams(query).get('year');
      let b = db.selectFrom('documents_items' as never).where('tenant_id' as never, '=', w.ids.cityId as never).where('title' as never, 'like', `%${word}%` as never);
      if (y) b = b.where('number_year' as never, '=', Number(y) as never);
      const [n] = await Promise.all([
        b.select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
        b.selectAll().orderBy('created_at' as never, 'desc').limit(20).execute(),
      ]);
      return Number((n as any).n);
    }), 1) : null;
    if (like && like.results[0] !== first.body.total) throw new Error(`${name}: the archive found ${first.body.total}, LIKE ${like.results[0]}`);
    emit({
      name: `documents_archive_${name}_p99_${kind}`, value: round(percentile(r.times, 99), 1), unit: 'ms', target: `<= ${P99_MS}`, baseline: round(percentile(brute.times, 99), 1),
      ...(like ? { like_p99: round(percentile(like.times, 99), 1), like_p50: round(percentile(like.times, 50), 1) } : {}),
      p50: round(percentile(r.times, 50), 1), found: first.body.total, requests: n, documents: DOCS, failed: r.results.filter((x) => x.status !== 200).length,
    });
  }
  const figures = await inFlight(Array.from({ length: quick ? 10 : 40 }, () => () => office.get(`/api/figures?from=${year}-01-01&to=${year}-12-31&modules=documents`)), 1);
  emit({ name: `documents_figures_p99_${kind}`, value: round(percentile(figures.times, 99), 1), unit: 'ms', p50: round(percentile(figures.times, 50), 1), documents: DOCS });
}

for (const d of await dialects()) {
  if (d.skip) { emit({ name: `documents_${d.kind}`, skipped: String(d.skip) }); continue; }
  let w: World | undefined;
  try {
    w = await startWorld(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
    await run(w, d.kind);
  } catch (e) {
    crashed(`documents_${d.kind}`, e);
  } finally {
    await w?.close().catch(() => {});
  }
}
if (crashes().length) process.exitCode = 1;
