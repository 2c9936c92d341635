/**
 * 年度通报的排名: who earned what in a year, from a CPPCC's reports and the events of their lineage. Pure.
 *
 * - Each figure counts by its own date: 报送 by the day submitted, 录用 by the day accepted, 采用/批示 (reports with at
 *   least one) and 积分 (the events' points, as the points table gave them when recorded) by the day of the event.
 * - 报送人 (members and 特邀信息员): the reports that originate here, by their submitter.
 * - 报送单位: reports submitted in the name of a 民主党派, 人民团体 or 专委会 (the submitting organisation), and county
 *   CPPCCs for the copies they sent up here; a county is credited with what its reports earned here and above, not
 *   with events recorded at the county itself.
 * - 专委会: the reports of each committee's members (a member of two committees counts for both).
 */

export interface RankingReport {
  id: string;
  root_report_id: string;
  source_report_id: string | null;
  source_tenant_id: string | null;
  source_tenant_name: string | null;
  submitter_user_id: string;
  submitter_name: string;
  submitter_org_id: string | null;
  submitted_at: string;
  accepted_at: string | null;
}

export interface RankingEvent { root_report_id: string; tenant_id: string; kind: string; points: number; at: string }

export interface RankingEntry {
  key: string; name: string; kind: string;
  submitted: number; accepted: number; adopted: number; instructed: number; points: number;
}
export interface RankedEntry extends RankingEntry { rank: number }

export interface RankingInput {
  reports: readonly RankingReport[];
  events: readonly RankingEvent[];
  /** ISO bounds of the year: lo inclusive, hi exclusive */
  lo: string;
  hi: string;
  /** the organisations reports were submitted in the name of: name and kind (party, group, committee, …) */
  orgs: ReadonlyMap<string, { name: string; kind: string }>;
  /** this CPPCC's members (others who submit are 特邀信息员 and staff) */
  memberIds: ReadonlySet<string>;
  /** committee memberships: user id → committees (id and name) */
  committeesOf: ReadonlyMap<string, ReadonlyArray<{ id: string; name: string }>>;
}

export interface RankingResult {
  submitters: RankedEntry[];
  units: RankedEntry[];
  committees: RankedEntry[];
  totals: { submitted: number; accepted: number; adopted: number; instructed: number; points: number; submitters: number };
}

/** Organisation kinds that count as 报送单位 when a report comes in their name. */
export const unitKinds: ReadonlySet<string> = new Set(['party', 'group', 'committee', 'gov_unit']);

/** Names in Chinese order (by pinyin); one collator for all comparisons, as building one per comparison is slow. */
const byChineseName = new Intl.Collator('zh-CN');

/** Highest points first; then more adopted, instructed, accepted, submitted; then by name. Equal points share a rank. */
export function rankEntries(entries: RankingEntry[]): RankedEntry[] {
  const sorted = [...entries].sort((a, b) => b.points - a.points || b.adopted - a.adopted || b.instructed - a.instructed
    || b.accepted - a.accepted || b.submitted - a.submitted || byChineseName.compare(a.name, b.name) || a.key.localeCompare(b.key));
  let rank = 0;
  return sorted.map((e, i) => {
    if (i === 0 || e.points !== sorted[i - 1].points) rank = i + 1;
    return { ...e, rank };
  });
}

const round = (n: number) => Math.round(n * 100) / 100;

export function computeRanking(input: RankingInput): RankingResult {
  const inYear = (at: string | null | undefined) => !!at && at >= input.lo && at < input.hi;
  const byRoot = new Map<string, RankingEvent[]>();
  for (const e of input.events) {
    if (!inYear(e.at)) continue;
    const list = byRoot.get(e.root_report_id);
    if (list) list.push(e); else byRoot.set(e.root_report_id, [e]);
  }
  const submitters = new Map<string, RankingEntry>();
  const units = new Map<string, RankingEntry>();
  const committees = new Map<string, RankingEntry>();
  const totals = { submitted: 0, accepted: 0, adopted: 0, instructed: 0, points: 0, submitters: 0 };
  const people = new Set<string>();
  const entry = (m: Map<string, RankingEntry>, key: string, name: string, kind: string) => {
    let e = m.get(key);
    if (!e) { e = { key, name, kind, submitted: 0, accepted: 0, adopted: 0, instructed: 0, points: 0 }; m.set(key, e); }
    return e;
  };
  for (const r of input.reports) {
    // a copy from below earns what happened here and above; events recorded at its own county are the county's
    const evs = (byRoot.get(r.root_report_id) ?? []).filter((e) => !r.source_report_id || e.tenant_id !== r.source_tenant_id);
    const f = {
      submitted: inYear(r.submitted_at) ? 1 : 0,
      accepted: inYear(r.accepted_at) ? 1 : 0,
      adopted: evs.some((e) => e.kind === 'adoption') ? 1 : 0,
      instructed: evs.some((e) => e.kind === 'instruction') ? 1 : 0,
      points: evs.reduce((s, e) => s + Number(e.points), 0),
    };
    if (!f.submitted && !f.accepted && !f.adopted && !f.instructed && !f.points) continue;
    const add = (e: RankingEntry) => {
      e.submitted += f.submitted; e.accepted += f.accepted; e.adopted += f.adopted; e.instructed += f.instructed; e.points = round(e.points + f.points);
    };
    add(totals as unknown as RankingEntry);
    if (r.source_report_id) {
      if (r.source_tenant_id) add(entry(units, r.source_tenant_id, r.source_tenant_name ?? '下级政协', 'county'));
      continue;
    }
    if (f.submitted) people.add(r.submitter_user_id);
    const org = r.submitter_org_id ? input.orgs.get(r.submitter_org_id) : undefined;
    // a handling unit's clerk reports in the unit's name: the unit is ranked, not the clerk among members and informants
    if (org?.kind !== 'gov_unit') add(entry(submitters, r.submitter_user_id, r.submitter_name, input.memberIds.has(r.submitter_user_id) ? 'member' : 'informant'));
    if (org && unitKinds.has(org.kind)) add(entry(units, r.submitter_org_id!, org.name, org.kind));
    for (const c of input.committeesOf.get(r.submitter_user_id) ?? []) add(entry(committees, c.id, c.name, 'committee'));
  }
  totals.submitters = people.size;
  totals.points = round(totals.points);
  return { submitters: rankEntries([...submitters.values()]), units: rankEntries([...units.values()]), committees: rankEntries([...committees.values()]), totals };
}

export const rankingKindLabels: Record<string, string> = {
  member: '委员', informant: '特邀信息员', party: '民主党派', group: '人民团体', committee: '专门委员会', gov_unit: '承办单位', county: '县区政协',
};
