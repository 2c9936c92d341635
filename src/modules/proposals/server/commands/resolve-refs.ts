/** Checks the people and organisations a proposal names: co-signers are members of the same CPPCC, groups exist there. */
import type { Actor } from '../../../../kernel/server/actor.ts';
import { invalid } from '../../../../kernel/universal/errors.ts';
import { findOrg, findPeople, type PersonRef } from '../directory.ts';
import { listSectors } from '../../../organizations/index.ts';
import type { ProposalDb } from '../tables.ts';

export async function resolveCosigners(db: ProposalDb, actor: Actor, ids: readonly string[]): Promise<PersonRef[]> {
  const unique = [...new Set(ids)];
  if (unique.includes(actor.userId)) throw invalid('cosignerUserIds', '「联名委员」', '不能包含提案人本人');
  const people = await findPeople(db, unique);
  for (const id of unique) {
    const p = people.get(id);
    if (!p || p.tenantId !== actor.tenantId || !p.roles.includes('member')) throw invalid('cosignerUserIds', '「联名委员」', '应为本级政协的委员');
  }
  return unique.map((id) => people.get(id)!);
}

const collectiveKinds: Record<string, string> = { party: 'party', group: 'group', committee: 'committee' };

/** The collective proposer must exist in the actor's CPPCC and match the proposal type; a named 界别 and 专委会 are the CPPCC's own. */
export async function resolveGroupRefs(db: ProposalDb, actor: Actor, body: { type?: string; proposerOrgId?: string | null; sectorId?: string | null; committeeId?: string | null }) {
  if (body.proposerOrgId) {
    const o = await findOrg(db, body.proposerOrgId);
    if (!o || o.tenantId !== actor.tenantId) throw invalid('proposerOrgId', '「提案单位」', '不存在');
    const want = body.type ? collectiveKinds[body.type] : undefined;
    if (want && o.kind !== want) throw invalid('proposerOrgId', '「提案单位」', '与提案类型不符');
  }
  if (body.sectorId) {
    const sectors = await listSectors(db, actor.tenantId);
    if (!sectors.some((s: any) => s.id === body.sectorId)) throw invalid('sectorId', '「界别」', '不是本级政协的界别');
  }
  if (body.committeeId) {
    const o = await findOrg(db, body.committeeId);
    if (!o || o.tenantId !== actor.tenantId || o.kind !== 'committee') throw invalid('committeeId', '「专委会」', '不存在');
  }
}
