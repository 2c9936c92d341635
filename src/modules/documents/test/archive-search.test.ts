// The archive's word search (关键词) at scale on SQLite and PostgreSQL: whatever way the search takes (the title index
// from a word's rarest pieces, a word no document holds, a word too common for the index matched by text), its total
// and its page equal a brute-force scan of the same documents: per CPPCC, with the year (the 文号's, or the drafting
// year in China time for a draft), with the type and state, in 文号 and title, one character or many.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { archiveYear, defaultChains, documentNumber, documentTypes, typeDefs } from '../domain/document-rules.ts';
import { archiveSearchTuning, writeTitleGrams } from '../server/repository.ts';
import { documentsDb, type DocumentsItemRow } from '../server/tables.ts';

const TOPICS = ['老旧小区改造', '县域医共体建设', '职业教育产教融合', '农村人居环境整治', '数字经济发展', '营商环境优化', '社区养老服务'];
const WORDS = ['老旧小区', '老旧', '小区改造', '区改', '第12项', '第1', '2项', '社区', '养老服务', '营商环境优化', '通知', '函', '政协发', '〔2024〕3号', '不存在的词', '改造第', '医共体', '产教融合第7'];

for (const d of await dialects()) {
  describe(`公文档案按词检索 (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    let office: Client;
    const rows: DocumentsItemRow[] = [];
    const saved = { ...archiveSearchTuning };

    before(async () => {
      w = await startWorld(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      office = await w.as('office');
      const staff = w.people.get('office')!;
      const seqs = new Map<string, number>();
      for (let i = 0; i < 420; i++) {
        const tenant = i % 20 === 19 ? w.ids.countyId : w.ids.cityId;
        const type = documentTypes[i % documentTypes.length];
        const signed = i % 4 !== 0;
        const y = 2023 + (i % 3);
        // drafts: some drafted on 31 December after 16:00 UTC, which is already the next year in China
        const created = signed ? `${y}-03-0${1 + (i % 9)}T02:00:00.000Z` : i % 8 === 0 ? `${y}-12-31T17:30:00.000Z` : `${y}-06-10T09:00:00.000Z`;
        const key = `${tenant}${type}${y}`;
        const seq = (seqs.get(key) ?? 0) + 1;
        if (signed) seqs.set(key, seq);
        const title = `关于${TOPICS[(i * 5) % TOPICS.length]}第${i}项工作的${typeDefs[type].label}`;
        rows.push({
          id: newId(), tenant_id: tenant, doc_type: type, title, body: '正文', addressee: '', chars: title.length + 2, owner_user_id: staff.userId, owner_name: '工作人员', owner_org_id: staff.orgId,
          state: signed ? (i % 3 ? 'signed' : 'distributed') : 'draft', chain: JSON.stringify(defaultChains[type]), round: 1, return_reason: null,
          number: signed ? documentNumber('长政协', type, y, seq) : null, number_year: signed ? y : null, number_seq: signed ? seq : null,
          signer_name: signed ? '领导' : null, signed_at: signed ? `${y}-03-10T08:00:00.000Z` : null, version_no: 1, version: 1,
          created_at: created, updated_at: created,
        });
      }
      await w.zx.ctx.db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += 100) await documentsDb(trx).insertInto('documents_items').values(rows.slice(i, i + 100)).execute();
        await writeTitleGrams(trx, rows);
      });
    });
    after(async () => { Object.assign(archiveSearchTuning, saved); await w?.close(); });

    /** what a full scan finds: the city's documents holding the word in 文号 or title, with the filters; newest first */
    const brute = (word: string, f: { year?: number; docType?: string; state?: string } = {}) => rows
      .filter((r) => r.tenant_id === w.ids.cityId && (r.title.includes(word) || (r.number ?? '').includes(word)))
      .filter((r) => (!f.year || archiveYear(r) === f.year) && (!f.docType || r.doc_type === f.docType) && (!f.state || r.state === f.state))
      .sort((a, b) => (a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1));

    const check = async (word: string, f: { year?: number; docType?: string; state?: string } = {}) => {
      const qs = new URLSearchParams({ q: word, pageSize: '200', ...Object.fromEntries(Object.entries(f).map(([k, v]) => [k, String(v)])) });
      const r = await office.get(`/api/office/documents?${qs}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const want = brute(word, f);
      assert.equal(r.body.total, want.length, `${word} ${JSON.stringify(f)}: total`);
      assert.deepEqual(r.body.items.map((x: any) => x.id), want.slice(0, 200).map((x) => x.id), `${word} ${JSON.stringify(f)}: page`);
    };

    for (const [label, postings] of [['through the title index', 5000], ['a common word matched by text', 8]] as const) {
      test(`every word, with and without year, type and state, equals the brute-force scan (${label})`, async () => {
        archiveSearchTuning.postings = postings;
        for (const word of WORDS) {
          await check(word);
          for (const year of [2023, 2024, 2025, 2026]) await check(word, { year });
          await check(word, { docType: 'notice' });
          await check(word, { state: 'draft', year: 2026 });
        }
      });
    }

    test('a draft of 31 December after 16:00 UTC counts in the next year, as the year filter without a word does', async () => {
      archiveSearchTuning.postings = saved.postings;
      const late = rows.find((r) => r.tenant_id === w.ids.cityId && r.state === 'draft' && r.created_at.endsWith('12-31T17:30:00.000Z'))!;
      const y = Number(late.created_at.slice(0, 4)) + 1;
      const byYear = (await office.get(`/api/office/documents?year=${y}&state=draft&pageSize=200`)).body;
      assert.ok(byYear.items.some((x: any) => x.id === late.id));
      const byWord = (await office.get(`/api/office/documents?q=${encodeURIComponent(`第${rows.indexOf(late)}项`)}&year=${y}`)).body;
      assert.deepEqual(byWord.items.map((x: any) => x.id), [late.id]);
    });
  });
}
