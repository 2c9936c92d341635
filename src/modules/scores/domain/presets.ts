/**
 * 积分规则预设: the scoring rules of the domain guide §3 (GUIDE.md, "委员履职 evaluation", sources S29a–S29f), each a
 * rule set one can copy into a year and then edit. Each rule of a city is mapped onto the member figures that exist
 * (or are being built: 会议 attendance, 工作室, 公益); what no figure counts (commendations, training hours) is left out
 * and said so in `notes`. Where a city gives no grade bands, the bands are the platform's default (优秀 ≥ 85 …).
 */
import type { GradeBand, RuleItem, RuleSet } from './rules.ts';

export interface Preset {
  code: string;
  name: string;
  source: string;
  /** how the city's rule maps onto the figures, and what is left out */
  notes: string;
  rules: RuleSet;
}

const item = (figure: string, label: string, points: number, cap: number | null = null, min: number | null = null): RuleItem => ({ figure, label, points, cap, min });

/** 优秀 / 称职 / 基本称职 / 不称职: the platform's default bands, used where a city gives none. */
export const defaultBands: GradeBand[] = [
  { label: '优秀', min: 85 }, { label: '称职', min: 60 }, { label: '基本称职', min: 45 }, { label: '不称职', min: -1000 },
];

export const presets: Preset[] = [
  {
    code: 'jinan', name: '济南', source: 'S29a',
    notes: '120 分制 = 基础分 70 + 加分至多 50；无故缺席全会 −30，请假 −10；立案提案 +5/件，重点 +5，优秀 +10；公益 +2/次（至多 10）；≥85 优秀，60–84 称职，<60 不称职（约谈）；「三个一」：每年至少一件提案、一篇社情民意、一次活动。',
    rules: {
      base: 70, maxTotal: 120, minimum: 60,
      items: [
        item('meetings.member.absent', '无故缺席全会', -30),
        item('meetings.member.leave', '请假', -10),
        item('proposals.member.filed', '立案提案', 5),
        item('proposals.member.key', '重点提案', 5),
        item('proposals.member.excellent', '优秀提案', 10),
        item('charity.member.donations', '公益活动', 2, 10),
        item('proposals.member.led', '领衔提案（「三个一」）', 0, null, 1),
        item('opinions.member.submitted', '报送社情民意（「三个一」）', 0, null, 1),
        item('activities.member.participations', '参加履职活动（「三个一」）', 0, null, 1),
      ],
      bands: [{ label: '优秀', min: 85 }, { label: '称职', min: 60 }, { label: '不称职', min: -1000 }],
    },
  },
  {
    code: 'minhang', name: '闵行', source: 'S29b',
    notes: '全会 5 分/次（原为每半天）；活动 5 分/次；立案提案主笔 15、参与 3（每年计一次：上限即一次的分值）；重点 +15、优秀 +10（参与者的 +3/+2 无单独统计，按主笔计）；最低要求：出席全会、至少 3 次活动、至少 1 件提案、至少 1 篇社情民意；培训无统计数字，未列入；等次为平台默认。',
    rules: {
      base: 0, maxTotal: null, minimum: 60,
      items: [
        item('meetings.member.attended', '出席全会', 5, null, 1),
        item('activities.member.participations', '参加履职活动', 5, null, 3),
        item('inspections.member.took_part', '参加调研视察', 5),
        item('proposals.member.filed', '立案提案（主笔）', 15, 15, 1),
        item('proposals.member.cosigned', '提案（参与）', 3, 3),
        item('proposals.member.key', '重点提案', 15),
        item('proposals.member.excellent', '优秀提案', 10),
        item('opinions.member.submitted', '报送社情民意', 0, null, 1),
      ],
      bands: defaultBands,
    },
  },
  {
    code: 'guangshui', name: '广水', source: 'S29c',
    notes: '立案提案 20（领衔）/15（联名）；社情民意被录用 20；考勤 10/次；学习活动 10/次；「转作社情民意」与表彰加分（国 10/省 8/地 6/市 4）无统计数字，未列入；等次为平台默认。',
    rules: {
      base: 0, maxTotal: null, minimum: 60,
      items: [
        item('proposals.member.filed', '立案提案（领衔）', 20),
        item('proposals.member.cosigned', '联名提案', 15),
        item('opinions.member.accepted', '社情民意录用', 20),
        item('meetings.member.attended', '考勤（出席会议）', 10),
        item('activities.member.participations', '学习及履职活动', 10),
      ],
      bands: defaultBands,
    },
  },
  {
    code: 'xuanwei', name: '宣威', source: 'S29d',
    notes: '全会 2 分/次；其他会议（协商会）1 分/次；书面或口头发言 2 分/次；学习活动 1 分/次；调研、视察、民主评议 2 分/次；等次按分值较小的计分制设定（≥20 优秀，≥12 称职，≥6 基本称职）。',
    rules: {
      base: 0, maxTotal: null, minimum: 12,
      items: [
        item('meetings.member.attended', '出席全会', 2),
        item('consultations.member.attended', '参加协商会议', 1),
        item('meetings.member.speeches', '大会发言', 2),
        item('consultations.member.speeches', '协商会议发言', 2),
        item('activities.member.participations', '学习及履职活动', 1),
        item('inspections.member.took_part', '调研视察', 2),
      ],
      bands: [{ label: '优秀', min: 20 }, { label: '称职', min: 12 }, { label: '基本称职', min: 6 }, { label: '不称职', min: -1000 }],
    },
  },
  {
    code: 'anqing', name: '安庆', source: 'S29e',
    notes: '百分制：会议 50（缺席全会 −10/次，以会议分 50 为限；其他会议缺席 −5 尚无统计数字）；提案 30（领衔 15/件，至多 30）；其余 20 为社情民意等（录用 10/篇，至多 20）；≥90 优秀，80–89 良好，60–79 称职。',
    rules: {
      base: 50, maxTotal: 100, minimum: 60,
      items: [
        item('meetings.member.absent', '缺席全会', -10, 50),
        item('proposals.member.led', '领衔提案', 15, 30),
        item('opinions.member.accepted', '社情民意录用', 10, 20),
      ],
      bands: [{ label: '优秀', min: 90 }, { label: '良好', min: 80 }, { label: '称职', min: 60 }, { label: '不称职', min: -1000 }],
    },
  },
  {
    code: 'dongcheng', name: '东城', source: 'S29f',
    notes: '基础分 60，加分不设上限；两年不达标劝退（达标线 60）。加分项按平台常用项：立案提案 5，社情民意录用 5，会议发言 3，履职活动 2，调研视察 2；无故缺席 −10。',
    rules: {
      base: 60, maxTotal: null, minimum: 60,
      items: [
        item('proposals.member.filed', '立案提案', 5),
        item('opinions.member.accepted', '社情民意录用', 5),
        item('meetings.member.speeches', '大会发言', 3),
        item('activities.member.participations', '参加履职活动', 2),
        item('inspections.member.took_part', '调研视察', 2),
        item('meetings.member.absent', '无故缺席', -10),
      ],
      bands: [{ label: '达标', min: 60 }, { label: '不达标', min: -1000 }],
    },
  },
];

export const presetOf = (code: string) => presets.find((p) => p.code === code);

/** The rules a year has before anyone set them: 济南's, the guide's fullest table. */
export const defaultRules = (): RuleSet => structuredClone(presets[0].rules);
