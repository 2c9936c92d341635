/**
 * 协商形式: the forms a consultation takes (政协章程 and the 年度协商计划's vocabulary). Both the annual plan (计划项) and
 * the consultation meetings (协商活动) use exactly these codes. Pure.
 */
export const consultationForms = ['standing_topic', 'special', 'counterpart', 'sector', 'proposal_handling', 'online', 'remote'] as const;
export type ConsultationForm = (typeof consultationForms)[number];

/** Chinese names, in the plan's order (重点 first, then 常态, then the online ones). */
export const consultationFormLabels: Record<ConsultationForm, string> = {
  standing_topic: '专题议政性常委会议',
  special: '专题协商会',
  counterpart: '对口协商会',
  sector: '界别协商会',
  proposal_handling: '提案办理协商会',
  online: '网络议政',
  remote: '远程协商',
};

/** English names (English mode). */
export const consultationFormLabelsEn: Record<ConsultationForm, string> = {
  standing_topic: 'Standing committee session on a topic',
  special: 'Special consultation meeting',
  counterpart: 'Counterpart consultation',
  sector: 'Sector consultation',
  proposal_handling: 'Proposal-handling consultation',
  online: 'Online deliberation',
  remote: 'Remote consultation',
};

export const isConsultationForm = (v: unknown): v is ConsultationForm => typeof v === 'string' && (consultationForms as readonly string[]).includes(v);
export const consultationFormLabel = (code: string) => (isConsultationForm(code) ? consultationFormLabels[code] : code);
