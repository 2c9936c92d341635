/**
 * 门户设置: what the office sets of its CPPCC's public portal — its title, a line under it, the site's address (for
 * the canonical links and the sitemap), the contact (联系我们), and which of the declared sections show, in which order.
 * Pure rules, shared with the web page.
 */
import { z } from 'zod';

export const portalContactSchema = z.object({
  address: z.string().trim().max(200).default('').describe('地址'),
  postcode: z.string().trim().max(20).default('').describe('邮编'),
  phone: z.string().trim().max(100).default('').describe('电话'),
  email: z.string().trim().max(200).default('').describe('电子邮箱'),
  hours: z.string().trim().max(200).default('').describe('办公时间'),
  note: z.string().trim().max(2000).default('').describe('说明'),
});
export type PortalContact = z.infer<typeof portalContactSchema>;

/** one declared section as the office arranges it: shown or not, in the list's order */
export const sectionChoiceSchema = z.object({
  key: z.string().min(3).max(80).describe('栏目'),
  visible: z.boolean().describe('是否显示'),
});
export type SectionChoice = z.infer<typeof sectionChoiceSchema>;

export const portalSettingsSchema = z.object({
  title: z.string().trim().max(60).default('').describe('门户名称'),
  subtitle: z.string().trim().max(120).default('').describe('副标题'),
  /** https://www.example.gov.cn: canonical links and the sitemap use it; empty: the address the page was asked by */
  siteUrl: z.union([z.literal(''), z.string().trim().max(200).regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, '应为 https://域名 形式，不带路径')]).default('').describe('网站地址'),
  contact: portalContactSchema.default(() => portalContactSchema.parse({})),
  /** the sections in the order shown; a declared section not listed here shows after them in its declared order */
  sections: z.array(sectionChoiceSchema).max(50).default([]),
});
export type PortalSettings = z.infer<typeof portalSettingsSchema>;

export const emptyPortalSettings = (): PortalSettings => portalSettingsSchema.parse({});

/**
 * The sections to show, in order: those the office listed (visible ones, in its order, if still declared), then the
 * declared sections it never listed (new modules' sections show until the office hides them), in declared order.
 */
export function arrangeSections<S extends { key: string }>(declared: readonly S[], choices: readonly SectionChoice[]): S[] {
  const byKey = new Map(declared.map((s) => [s.key, s]));
  const listed = new Set(choices.map((c) => c.key));
  const out: S[] = [];
  for (const c of choices) {
    const s = byKey.get(c.key);
    if (s && c.visible && !out.includes(s)) out.push(s);
  }
  for (const s of declared) if (!listed.has(s.key)) out.push(s);
  return out;
}

/** The portal's title when the office set none: the CPPCC's name with 门户网站 (长治市政协门户网站). */
export const portalTitleOf = (settings: Pick<PortalSettings, 'title'>, orgName: string) => settings.title || `${orgName}门户网站`;
