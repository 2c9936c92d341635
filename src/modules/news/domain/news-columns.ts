/**
 * 栏目 (news columns) and 发布渠道 (channels). The column list is a per-CPPCC setting with these four defaults; each default
 * column is a section of the public portal (门户) under the key `news.<public>`.
 */
export interface NewsColumn { code: string; label: string; labelEn?: string }

export const defaultNewsColumns: readonly NewsColumn[] = [
  { code: 'headlines', label: '要闻动态', labelEn: 'Headlines' },
  { code: 'members', label: '委员风采', labelEn: 'Members' },
  { code: 'voices', label: '委员之声', labelEn: 'Members\' voices' },
  { code: 'grassroots', label: '基层协商', labelEn: 'Grassroots consultation' },
];

/** 发布渠道: the website (and the public portal) and the WeChat official account (微信公众号). */
export const newsChannels = ['website', 'wechat'] as const;
export type NewsChannel = (typeof newsChannels)[number];
export const channelLabels: Record<NewsChannel, string> = { website: '门户网站', wechat: '微信公众号' };

/** 通知对象: all members, the members of one 界别 or 专委会, the committees' staff, the handling units, or the public. */
export const noticeAudiences = ['members', 'sector', 'committee', 'committees', 'units', 'public'] as const;
export type NoticeAudience = (typeof noticeAudiences)[number];
export const audienceLabels: Record<NoticeAudience, string> = {
  members: '全体委员', sector: '界别委员', committee: '专委会委员', committees: '各专委会', units: '承办单位', public: '社会公众',
};
/** Audiences that name one group (a 界别 or 专委会 id). */
export const audienceNeedsGroup = (a: NoticeAudience) => a === 'sector' || a === 'committee';

/** 阅读率 in whole per cent (0 when nobody was addressed). */
export const readRate = (read: number, addressed: number) => (addressed > 0 ? Math.round((read * 100) / addressed) : 0);
