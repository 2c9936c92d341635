/**
 * 提案汇编 to Word: 500 proposals of realistic length (~1 500 characters each, half with a released reply) compiled by
 * the same builder the API uses (`buildCompilationDocx`, plain data in, no database). Target ≤ 10 s.
 * Baseline in the same run: a minimal Word document with one paragraph (the fixed cost of packing a .docx);
 * the time to JSON.stringify the same data is printed beside it for scale.
 */
import { Document, Packer, Paragraph } from 'docx';
import { emit, note, quick, round } from './lib.ts';
import { buildCompilationDocx, type CompilationInput, type CompilationProposal } from '../src/modules/proposals/server/compilation.ts';

const units = ['市住建局', '市教育局', '市民政局', '市农业农村局', '市卫健委', '市发改委', '市工信局', '市生态环境局', '市文旅局', '市交通运输局'];
const phrases = [
  '近年来，我市在城市更新和民生保障方面做了大量工作，取得了明显成效，但与群众期盼相比仍有差距。',
  '调研发现，部分老旧小区基础设施老化，管网渗漏、道路破损、停车难等问题较为突出，居民反映强烈。',
  '资金投入渠道单一，主要依靠财政资金，社会资本参与积极性不高，后续管护机制尚不健全。',
  '各部门之间统筹协调不够，项目审批环节多、周期长，政策落地存在“最后一公里”问题。',
  '建议建立政府引导、市场运作、居民参与的多元投入机制，明确各方责任，形成工作合力。',
  '建议将相关工作纳入年度重点任务和绩效考核，定期通报进展，确保各项措施落到实处。',
  '建议加强专业人才队伍建设，完善培训和激励机制，提升基层服务能力和水平。',
  '建议运用数字化手段，建设统一的信息平台，实现数据共享和动态监管，提高管理效率。',
];

function text(seed: number, chars: number): string {
  const out: string[] = [];
  let n = 0;
  let i = seed;
  while (n < chars) {
    const p = phrases[i++ % phrases.length];
    out.push(p);
    n += p.length;
    if (out.length % 3 === 0) out.push('\n');
  }
  return out.join('');
}

export function compilationData(count: number): CompilationInput {
  const proposals: CompilationProposal[] = Array.from({ length: count }, (_, i) => ({
    number: `第${String(i + 1).padStart(4, '0')}号`,
    title: `关于进一步推进第${i + 1}项民生实事落地见效的建议`,
    proposerName: `委员${(i % 97) + 1}`,
    cosignerNames: i % 4 === 0 ? [`委员${(i % 13) + 100}`, `委员${(i % 17) + 200}`] : [],
    typeLabel: i % 4 === 0 ? '委员联名提案' : '委员个人提案',
    background: text(i, 400), analysis: text(i + 2, 450), suggestions: text(i + 4, 650),
    leadUnitName: units[i % units.length], coUnitNames: i % 5 === 0 ? [units[(i + 1) % units.length]] : [],
    replyClassLabel: i % 2 === 0 ? 'A 已解决或基本解决' : null, replyText: i % 2 === 0 ? text(i + 6, 800) : null,
    group: units[i % units.length],
  }));
  return {
    organisationName: '政协长治市委员会', year: 2025, sessionLabel: '十四届四次会议', title: '政协长治市委员会十四届四次会议提案汇编',
    groupingLabel: '按主办单位分类', compiledBy: '政协长治市委员会提案委员会', date: '2026-03-01', proposals,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** The compilation needs no database: it runs once (for the SQLite pass) and the PostgreSQL pass is a no-op. */
export async function benchCompilation(kind: string): Promise<void> {
  if (kind !== 'sqlite') return;
  const count = 500;
  const data = compilationData(count);
  const chars = data.proposals.reduce((n, p) => n + p.background.length + p.analysis.length + p.suggestions.length, 0) / count;
  note(`compiling ${count} proposals (~${Math.round(chars)} characters of body each)…`);
  await buildCompilationDocx(compilationData(5)); // warm the code paths
  const runs = quick ? 1 : 3;
  const times: number[] = [];
  const base: number[] = [];
  const json: number[] = [];
  let bytes = 0;
  for (let r = 0; r < runs; r++) {
    const full = await timed(() => buildCompilationDocx(data));
    times.push(full.ms);
    bytes = full.value.length;
    base.push((await timed(() => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('提案汇编')] }] })))).ms);
    json.push((await timed(async () => JSON.stringify(data))).ms);
  }
  emit({
    name: 'proposals_compilation_500_docx_seconds', value: round(median(times) / 1000, 3), unit: 's', target: '≤ 10',
    baseline: round(median(base) / 1000, 3), baselineOf: 'a minimal .docx with one paragraph',
    jsonStringifySeconds: round(median(json) / 1000, 4), sizeMB: round(bytes / 1024 / 1024, 2), runs,
  });
}
