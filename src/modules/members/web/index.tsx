/** Web manifest of 委员履职: 我的履职 for members, 委员名录 for staff, and a member's record. */
import { IdcardOutlined, TeamOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { PERM_READ_ALL, PERM_READ_OWN } from '../domain/permissions.ts';

export const membersWeb: WebModule = {
  name: 'members',
  menu: [
    { key: 'member-record', label: '我的履职', icon: <IdcardOutlined />, path: '/members/me', permission: PERM_READ_OWN, order: 5 },
    { key: 'member-directory', label: '委员名录', icon: <TeamOutlined />, path: '/members', permission: PERM_READ_ALL, order: 30 },
  ],
  routes: [
    { path: '/members/me', permission: PERM_READ_OWN, element: lazyPage(() => import('./pages/record.tsx')) },
    { path: '/members', permission: PERM_READ_ALL, element: lazyPage(() => import('./pages/directory.tsx')) },
    { path: '/members/:userId', permission: PERM_READ_ALL, crumb: '履职档案', element: lazyPage(() => import('./pages/record.tsx')) },
  ],
  messages: {
    '我的履职': 'My duty record', '委员名录': 'Members', '履职档案': 'Duty record', '{name}的履职档案': 'Duty record of {name}',
    '领衔提案': 'Proposals led', '附议提案': 'Co-signed', '并案提案': 'Merged into others', '领衔立案': 'Led and filed',
    '报送篇数': 'Reports submitted', '录用篇数': 'Reports accepted', '信息积分': 'Report points',
    '联名报送': 'Co-signed reports', '联名': 'Co-signed', '联名报送的信息：报送、录用、采用和积分计入报送人': 'A co-signed report: its figures and points are the submitter\'s',
    '全国采用': 'Adopted nationally', '省级采用': 'Adopted (province)', '市级采用': 'Adopted (city)', '县级采用': 'Adopted (county)',
    '{y}年度提案': 'Proposals in {y}', '{y}年度社情民意': 'Social-conditions reports in {y}', '{y}年度协商议政': 'Consultations in {y}', '{y}年度履职活动': 'Activities in {y}', '参加协商': 'Consultations taken part in', '历年履职情况': 'Over the years',
    '展开': 'Show', '收起': 'Hide', '正在显示「{label}」的 {n} 条记录': 'Showing the {n} records behind “{label}”', '显示全部': 'Show all',
    '本年度': 'This year', '{level}采用': 'Adopted ({level})', '{level}批示': 'Instructed ({level})',
    '全国': 'National', '按姓名搜索': 'Search by name', '排序方式': 'Sort by', '共 {n} 位委员': '{n} members',
  },
};
