/**
 * The module's per-CPPCC settings (系统参数): the sign-off chain of each type (审签流程: 核稿 role, 会签 roles, 签发
 * role) and the issuer's abbreviation in the 文号 (机关代字, e.g. 长政协).
 */
import { z } from 'zod';
import type { SettingDecl } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { getOrg } from '../../organizations/index.ts';
import { chainsSchema, defaultChains, type Chains } from '../domain/document-rules.ts';

export const documentsSettingKeys = { chains: 'documents.chains', issuerAbbr: 'documents.issuerAbbr', issuerName: 'documents.issuerName' } as const;

export interface DocumentsSettings { chains: Chains; issuerAbbr: string; issuerName: string }
/** empty issuer settings: taken from the CPPCC's own name (政协长治市委员会; 长治市政协 → 长政协) */
export const defaultDocumentsSettings: DocumentsSettings = { chains: defaultChains, issuerAbbr: '', issuerName: '' };

export async function readDocumentsSettings(ctx: Pick<ModuleContext, 'settings' | 'db'>, tenantId: string): Promise<DocumentsSettings> {
  const [chains, issuerAbbr, issuerName] = await Promise.all([
    ctx.settings.get<Chains>(tenantId, documentsSettingKeys.chains, defaultChains),
    ctx.settings.get(tenantId, documentsSettingKeys.issuerAbbr, defaultDocumentsSettings.issuerAbbr),
    ctx.settings.get(tenantId, documentsSettingKeys.issuerName, defaultDocumentsSettings.issuerName),
  ]);
  const org = issuerAbbr && issuerName ? undefined : await getOrg(ctx.db, tenantId);
  const short = (org?.short_name ?? org?.name ?? '政协').replace(/政协|委员会/g, '');
  return { chains: { ...defaultChains, ...chains }, issuerAbbr: issuerAbbr || `${short.slice(0, 1)}政协`, issuerName: issuerName || org?.name || '政协' };
}

export const documentsSettings: SettingDecl<any>[] = [
  { key: documentsSettingKeys.chains, label: '公文审签流程（各文种的核稿、会签、签发角色）', schema: chainsSchema, default: defaultChains },
  { key: documentsSettingKeys.issuerAbbr, label: '公文发文机关代字（文号前缀）', schema: z.string().trim().max(20).describe('发文机关代字'), default: defaultDocumentsSettings.issuerAbbr },
  { key: documentsSettingKeys.issuerName, label: '公文发文机关标志（版头）', schema: z.string().trim().max(40).describe('发文机关标志'), default: defaultDocumentsSettings.issuerName },
];
