/**
 * 承办对象: of whom a text asks. Formal proposals and reports name several bodies in passing (the school's parking, the
 * builder's wages) but ask one of them to act: 「建议：一是住建部门牵头……；二是会同公安交管部门……」. The unit suggestion
 * weighs the body each asking sentence names first, next to what the text is about.
 */
import type { Ranked, UnitClassifier } from './classifier.ts';
import type { SparseVec } from './sparse.ts';

/** A unit the model may suggest, with the names a text may call it by (full name, short name). */
export interface NamedUnit { label: string; names: readonly string[] }

/** How much a named doer adds to a unit's margin: the lead body of the asking part counts 1, each later one half, times this weight (0.5, 0.75 and 1 were tried on both benchmark sets; 0.75 kept the citizen messages' figure and gave the formal texts' best). */
export const ADDRESS_WEIGHT = 0.75;

const ASK_HEADING = /(?:为此|特此|因此|现|故)?(?:提出(?:以下|如下))?建议(?:如下)?[：:]/;
const ASK_CUE = /建议|请|希望|要求|呼吁|恳请|一是|二是|三是|四是|五是|六是|由.{2,12}牵头/;
const BODY_AFTER = /^[和与及、]?[\u4e00-\u9fa5]{0,6}?(?:部门|局|委|中心|机构|办)/;

/** The sentences that ask: from the 建议 heading on when there is one, else every sentence with an asking cue. */
export function askingPart(text: string): string {
  const at = text.search(ASK_HEADING);
  const tail = at >= 0 ? text.slice(at) : text;
  return tail.split(/[。！？!?；;\n]/).filter((s) => ASK_CUE.test(s)).join('。');
}

/**
 * The words a text uses for a unit: its names without the place before them (市, 长治市, 潞州区) and without the kind
 * after them (局, 委, 委员会, 中心, 办公室), at least two characters: 市住建局 → 住建, 市市场监管局 → 市场监管.
 */
export function unitStems(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of names) {
    let n = raw.trim();
    if (/^[市县区]/.test(n)) n = n.slice(1);
    else n = n.replace(/^[\u4e00-\u9fa5]{2,4}?[市县区](?=[\u4e00-\u9fa5]{3,})/, '');
    n = n.replace(/(?:委员会|局|委|中心|办公室|办)$/, '');
    if ([...n].length >= 2) out.add(n);
  }
  return [...out];
}

/** The units an asking part names as doers: in each asking sentence the earliest unit named as a body; weights by label. */
export function addressedUnits(text: string, units: readonly NamedUnit[]): Map<string, number> {
  const asking = askingPart(text);
  const out = new Map<string, number>();
  if (!asking || !units.length) return out;
  const stems = units.map((u) => ({ label: u.label, stems: unitStems(u.names) }));
  let lead = true;
  for (const s of asking.split('。')) {
    let best: { at: number; label: string } | null = null;
    for (const u of stems) {
      for (const st of u.stems) {
        let i = s.indexOf(st);
        while (i >= 0 && !BODY_AFTER.test(s.slice(i + st.length, i + st.length + 8))) i = s.indexOf(st, i + 1);
        if (i >= 0 && (!best || i < best.at)) best = { at: i, label: u.label };
      }
    }
    if (!best) continue;
    out.set(best.label, (out.get(best.label) ?? 0) + (lead ? 1 : 0.5));
    lead = false;
  }
  return out;
}

/** The model's ranking with the named doers added to the margins, confidences recalibrated at the model's temperature. */
export function rankAddressed(model: UnitClassifier, x: SparseVec, addressed: ReadonlyMap<string, number>, weight = ADDRESS_WEIGHT): Ranked[] {
  if (!addressed.size || weight === 0) return model.rank(x);
  const s = model.scores(x);
  model.labels.forEach((l, k) => { s[k] += weight * (addressed.get(l) ?? 0); });
  return model.rankScores(s);
}
