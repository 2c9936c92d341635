// English of the module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in English mode
// (the web manifest names this file).
import { consultationFormLabels, consultationFormLabelsEn } from '../domain/consultation-forms.ts';
import { planMessages } from './pages/plan-messages-en.ts';

const formMessages = Object.fromEntries(Object.entries(consultationFormLabels).map(([k, zh]) => [zh, consultationFormLabelsEn[k as keyof typeof consultationFormLabelsEn]]));

export default {
  ...planMessages,
  ...formMessages,
  '协商议政': 'Consultation', '提交人': 'Submitted by', '协商活动': 'Consultations', '协商统计': 'Consultation statistics', '协商活动详情': 'Consultation', '会议签到': 'Sign-in',
  '我参加的协商': 'My consultations', '新建协商活动': 'New consultation', '没有符合条件的协商活动。': 'No consultations match.', '导出 Excel': 'Export to Excel',
  '协商议题': 'Topic', '协商形式': 'Form', '议题背景': 'Background', '牵头专委会': 'Lead committee', '协办部门': 'Partner departments', '会议日期': 'Meeting date',
  '会议时间': 'Time', '会议地点': 'Place', '通知期限': 'Notice due', '材料期限': 'Materials due', '成果期限': 'Outcome due', '通知逾期': 'Notice late', '材料逾期': 'Materials late',
  '逾期': 'Late', '通知或材料逾期': 'Notice or materials late', '全部逾期': 'Any late', '通知已发': 'Notice sent on', '材料已发': 'Materials sent on', '召开日期': 'Held on', '报送日期': 'Sent on',
  // lifecycle
  '筹备': 'Preparation', '通知': 'Notice', '材料': 'Materials', '召开': 'Meeting', '成果': 'Outcome', '签发': 'Sign off', '报送': 'Sending',
  '筹备中': 'Preparing', '已发通知': 'Notice sent', '已发材料': 'Materials sent', '已召开': 'Held', '成果起草': 'Drafting the outcome', '待签发': 'To sign off', '已签发': 'Signed off', '已报送': 'Sent', '已办结': 'Closed',
  '发出协商会议通知': 'Send the meeting notice', '发送协商会议材料': 'Send the meeting materials', '召开协商会议': 'Hold the meeting', '整理会议纪要': 'Write up the minutes',
  '起草协商成果': 'Draft the outcome', '签发协商成果': 'Sign off the outcome', '报送协商成果': 'Send the outcome',
  '发出通知': 'Send the notice', '发送材料': 'Send the materials', '会议召开': 'Record the meeting as held', '起草成果': 'Draft the outcome', '提交签发': 'Submit for sign-off',
  '退回修改': 'Return for revision', '报送党委政府': 'Send to the party committee and government', '办结': 'Close', '会议纪要': 'Minutes', '成果形式': 'Kind of outcome',
  '协商纪要': 'Minutes', '建议案': 'Recommendation report', '协商专报': 'Consultation report', '备注': 'Note', '退回理由': 'Reason for return',
  '创建': 'Created', '修改': 'Edit', '邀请参会': 'Invited', '取消邀请': 'Uninvite', '修改成果': 'Outcome edited', '记录批示': 'Record an instruction', '关联提案和社情民意': 'Link proposals and reports',
  '安排发言': 'Order of speeches', '确认参会': 'Confirm attendance', '请假': 'Ask for leave', '准假': 'Approve leave', '不准假': 'Refuse leave',
  // participants
  '参会人员': 'Participants', '邀请': 'Invite', '委员': 'Members', '部门负责人': 'Department head', '专家': 'Expert', '特邀群众': 'Invited public', '类别': 'Kind', '姓名': 'Name',
  '待确认': 'Awaiting answer', '已确认参会': 'Attending', '请假待批': 'Leave requested', '已准假': 'On leave', '参会状态': 'Attendance', '签到': 'Sign in', '已签到': 'Signed in', '未签到': 'Not signed in',
  '代为签到': 'Sign in for them', '工作人员代签': 'Signed in by staff', '请假事由': 'Reason for leave', '按专委会': 'By committee', '按界别': 'By sector', '逐个选择委员': 'Pick members',
  '其他参会人员': 'Other participants', '所在部门': 'Department', '添加一行': 'Add a row', '邀请 {n} 位委员及其他人员': 'Invite {n} members and others',
  '受邀 {a} 人，确认 {b} 人，请假 {c} 人，已签到 {d} 人，发言 {e} 人': 'Invited {a}, attending {b}, on leave {c}, signed in {d}, speaking {e}',
  '发言': 'Speeches', '发言顺序': 'Order', '发言方式': 'Kind of speech', '口头发言': 'Oral', '书面发言': 'Written', '发言内容': 'Text', '保存发言安排': 'Save the order',
  '加入发言': 'Add to speeches', '移出': 'Remove', '上移': 'Up',
  // member
  '协商会议邀请': 'Consultation invitation', '您受邀参加本次协商会议': 'You are invited to this consultation', '请确认是否参会': 'Please confirm whether you will attend',
  '提交请假': 'Submit the leave request', '提交书面发言': 'Hand in a written speech', '修改书面发言': 'Change the written speech', '我的书面发言': 'My written speech',
  '您已签到': 'You have signed in', '会议当天请扫描会场签到码签到': 'On the day, scan the code shown in the meeting room to sign in', '签到成功': 'Signed in',
  '正在签到…': 'Signing in…', '签到未成功': 'Sign-in failed', '返回协商活动': 'Back to the consultation', '签到时间：{t}': 'Signed in at {t}',
  // sign-in code
  '签到码': 'Sign-in code', '显示签到码': 'Show the sign-in code', '请委员用手机扫码签到（仅今日有效）': 'Members scan this with their phones (valid today only)',
  // outcome
  '协商成果': 'Outcome', '成果正文': 'Text of the outcome', '建议': 'Recommendations', '建议内容': 'Recommendation', '责任单位': 'Responsible units', '办理时限（工作日）': 'Due in (working days)',
  '保存成果': 'Save the outcome', '添加建议': 'Add a recommendation', '编辑成果': 'Edit the outcome', '{n} 个工作日': '{n} working days',
  '领导批示': 'Leaders\' instructions', '批示领导': 'Leader', '批示内容': 'Instruction', '批示日期': 'Date',
  '关联提案': 'Linked proposals', '关联社情民意': 'Linked public-opinion reports', '提案编号': 'Proposal ids', '社情民意编号': 'Report ids', '关联': 'Links', '编辑关联': 'Edit links',
  '关联协商': 'Linked consultations', '输入提案编号或标题查找': 'Type a proposal number or title', '输入社情民意标题查找': 'Type a report title', '没有找到': 'Nothing found',
  // stats
  '按协商形式': 'By form', '按牵头专委会': 'By lead committee', '总体情况': 'Overview', '协商活动次数': 'Consultations',
  '委员参加协商': 'Member attendances', '委员发言': 'Member speeches', '受邀参加协商': 'Invitations', '参加协商会议': 'Meetings attended', '协商会议发言': 'Speeches',
  '牵头': 'Lead', '组织者': 'Organiser',
} satisfies Record<string, string>;
