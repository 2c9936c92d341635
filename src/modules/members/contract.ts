/** Request and response schemas of the 委员履职 (members) API: the duty record (履职档案) and the directory (委员名录). */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { levels } from '../opinions/contract.ts';
import { figure } from '../../kernel/universal/figures.ts';

const year = z.coerce.number().int().min(1990).max(2100).describe('年度');

/** GET /api/members/me/record and /api/members/:userId/record */
export const recordQuery = z.object({ year: year.optional() });
export const recordParams = z.object({ userId: z.string().min(1).max(40).describe('委员') });

/** 委员名录 sort keys: name, or one of the year's counts. */
export const directorySortKeys = ['name', 'led', 'cosigned', 'reports', 'adopted', 'points'] as const;
export type DirectorySortKey = (typeof directorySortKeys)[number];
export const directorySortLabels: Record<DirectorySortKey, string> = {
  name: '姓名', led: '领衔提案', cosigned: '附议提案', reports: '报送篇数', adopted: '被采用', points: '信息积分',
};

const directoryFilters = z.object({
  year: year.optional(),
  q: z.string().trim().max(50).optional().describe('姓名'),
  sector: z.string().min(1).max(40).optional().describe('界别'),
  committee: z.string().min(1).max(40).optional().describe('专委会'),
  sort: z.enum(directorySortKeys).default('points').describe('排序'),
  /** default: descending for counts, ascending for names */
  order: z.enum(['asc', 'desc']).optional().describe('顺序'),
});
/** GET /api/members */
export const directoryQuery = pageQuery.merge(directoryFilters);
export type DirectoryQuery = z.infer<typeof directoryQuery>;
/** GET /api/members/export.xlsx: the same filters, every row */
export const exportQuery = directoryFilters;
export type ExportQuery = z.infer<typeof exportQuery>;

export const namedRef = z.object({ id: z.string(), name: z.string() });

export const directoryItem = z.object({
  userId: z.string(),
  name: z.string(),
  sectorId: z.string().nullable(),
  sectorName: z.string().nullable(),
  committees: z.array(namedRef),
  /** 领衔: received proposals as first proposer */
  led: z.number().int(),
  /** 附议/联名: confirmed co-signatures on received proposals */
  cosigned: z.number().int(),
  /** 并案: proposals the member's own was merged into (not added to led or co-signed) */
  merged: z.number().int(),
  /** 社情民意 submitted, accepted, adopted (any level), instructed, and points, as the year-end ranking counts them */
  reports: z.number().int(),
  accepted: z.number().int(),
  adopted: z.number().int(),
  instructed: z.number().int(),
  points: z.number(),
});
export type DirectoryItem = z.infer<typeof directoryItem>;
export const directoryPage = pageOf(directoryItem).extend({ year: z.number().int() });
export type DirectoryPage = z.infer<typeof directoryPage>;

/** GET /api/members/filters: the tenant's sectors and committees for the directory's filters. */
export const directoryFiltersInfo = z.object({ sectors: z.array(namedRef), committees: z.array(namedRef), currentYear: z.number().int() });
export type DirectoryFiltersInfo = z.infer<typeof directoryFiltersInfo>;

export const recordProposal = z.object({
  id: z.string(),
  year: z.number().int(),
  number: z.string().nullable(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  proposerName: z.string(),
  replyClass: z.string().nullable(),
  replyClassLabel: z.string().nullable(),
  satisfaction: z.string().nullable(),
  satisfactionLabel: z.string().nullable(),
  isKey: z.boolean(),
  isExcellent: z.boolean(),
  filed: z.boolean(),
  submittedAt: z.string().nullable(),
});
export type RecordProposal = z.infer<typeof recordProposal>;

export const recordReport = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  submittedAt: z.string(),
  acceptedAt: z.string().nullable(),
  issueNumber: z.string().nullable(),
  submittedInYear: z.boolean(),
  acceptedInYear: z.boolean(),
  adoptedLevels: z.array(z.enum(levels)),
  instructionLevels: z.array(z.enum(levels)),
  points: z.number(),
  /** 联名: converted from a proposal the member co-signed; its figures and points are the submitter's */
  cosigned: z.boolean(),
});
export type RecordReport = z.infer<typeof recordReport>;

/** The record sections a figure points into. */
export const recordSections = ['led', 'cosigned', 'merged', 'reports'] as const;
export type RecordSection = (typeof recordSections)[number];


export const trendPoint = z.object({
  year: z.number().int(),
  led: z.number().int(), cosigned: z.number().int(), merged: z.number().int(),
  reports: z.number().int(), accepted: z.number().int(), adopted: z.number().int(), instructed: z.number().int(), points: z.number(),
});
export type TrendPoint = z.infer<typeof trendPoint>;

export const memberRecord = z.object({
  year: z.number().int(),
  currentYear: z.number().int(),
  member: z.object({
    userId: z.string(), name: z.string(), tenantName: z.string(),
    sectorName: z.string().nullable(), committees: z.array(namedRef),
  }),
  /**
   * the summary strip: the member's figures from the figure catalogue (keys 'proposals.member.*', then
   * 'opinions.member.*'), each with the list of its records (GET `list.api` with `list.query`)
   */
  figures: z.array(figure),
  proposals: z.object({ led: z.array(recordProposal), cosigned: z.array(recordProposal), merged: z.array(recordProposal) }),
  reports: z.array(recordReport),
  /** the figures over the years, oldest first, ending with the current year (or the year asked, if later) */
  trend: z.array(trendPoint),
  /** what the viewer may open from here: the proposals and reports themselves */
  viewer: z.object({ self: z.boolean(), openProposals: z.boolean(), openReports: z.boolean() }),
});
export type MemberRecord = z.infer<typeof memberRecord>;

/**
 * GET /api/members/search: the picker of members (选择委员, e.g. 联名委员): the caller's CPPCC's members, by name, 界别 and
 * 专委会, paged; only what a picker shows. The caller is not listed (one does not co-sign one's own proposal).
 */
export const memberSearchQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional().describe('姓名'),
  sector: z.string().min(1).max(40).optional().describe('界别'),
  committee: z.string().min(1).max(40).optional().describe('专委会'),
});
export type MemberSearchQuery = z.infer<typeof memberSearchQuery>;
export const memberSearchItem = z.object({
  userId: z.string(),
  name: z.string(),
  sectorName: z.string().nullable(),
  committees: z.array(z.string()),
});
export type MemberSearchItem = z.infer<typeof memberSearchItem>;
export const memberSearchPage = pageOf(memberSearchItem);
export type MemberSearchPage = z.infer<typeof memberSearchPage>;
/** GET /api/members/search/groups: the 界别 and 专委会 to narrow the picker by. */
export const memberSearchGroups = z.object({ sectors: z.array(namedRef), committees: z.array(namedRef) });
export type MemberSearchGroups = z.infer<typeof memberSearchGroups>;
