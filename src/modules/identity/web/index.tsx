/** Web manifest of the 用户与权限 module: login, TOTP enrolment, profile, users and role grants. */
import { SafetyCertificateOutlined, TeamOutlined, UserSwitchOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage, lazyPageWithMessages } from '../../../kernel/web/lazy.tsx';
// the login page is the first page of nearly every cold visit: it comes with the initial code, not one round trip later
import LoginPage from './pages/login.tsx';

export const identityWeb: WebModule = {
  name: 'identity',
  menu: [
    { key: 'users', label: '用户管理', icon: <TeamOutlined />, path: '/admin/users', permission: 'user.manage', group: 'admin', order: 20 },
    { key: 'roles', label: '角色与权限', icon: <SafetyCertificateOutlined />, path: '/admin/roles', permission: 'role.manage', group: 'admin', order: 30 },
    // 三员分立: the security administrator grants every role, and sees and lifts sign-in waits, on the users page
    { key: 'grants', label: '用户授权', icon: <UserSwitchOutlined />, path: '/admin/grants', permission: 'role.manage', group: 'admin', order: 25 },
  ],
  routes: [
    { path: '/profile', crumb: '个人设置', element: lazyPage(() => import('./pages/profile.tsx')) },
    { path: '/admin/users', permission: 'user.manage', element: lazyPage(() => import('./pages/users.tsx')) },
    { path: '/admin/roles', permission: 'role.manage', element: lazyPage(() => import('./pages/roles.tsx')) },
    { path: '/admin/grants', permission: 'role.manage', element: lazyPage(() => import('./pages/users.tsx')) },
  ],
  publicRoutes: [
    { path: '/login', element: <LoginPage /> },
    { path: '/totp-setup', element: lazyPageWithMessages(() => import('./pages/totp-setup.tsx')) },
  ],
  messages: {
    '用户名': 'Username', '密码': 'Password', '登录': 'Sign in', '动态验证码': 'Authenticator code', '请输入用户名': 'Please enter your username',
    '请输入密码': 'Please enter your password', '请输入动态验证码': 'Please enter the code', '动态验证码为 6 位数字': 'The code has 6 digits',
    '提案 · 社情民意 · 协商议政 · 委员履职': 'Proposals · Social conditions · Consultation · Member duties',
    '管理员账号需要输入手机验证器上的 6 位动态验证码。': 'Administrator accounts need the 6-digit code from the authenticator app.',
    '打开手机上的验证器应用，输入当前显示的 6 位数字。': 'Open the authenticator app and enter the 6 digits it shows.',
    '标准字号': 'Standard text', '用户管理': 'Users', '角色与权限': 'Roles & permissions', '个人信息': 'My account', '姓名': 'Name',
    '所属组织': 'Organisation', '所属政协': 'CPPCC', '角色': 'Roles', '显示与语言': 'Display & language', '大字模式（适老化）': 'Large text mode',
    '界面语言': 'Language', '修改密码': 'Change password', '当前密码': 'Current password', '新密码': 'New password', '确认新密码': 'Confirm new password',
    '双因素认证': 'Two-factor sign-in', '已开通': 'Enabled', '密码已修改': 'Password changed', '开通双因素认证': 'Enable two-factor sign-in',
    '开始设置': 'Start', '开通': 'Enable', '密钥': 'Secret', '导入链接': 'Import link', '新建用户': 'New user', '编辑用户': 'Edit user',
    '关键词': 'Keyword', '组织': 'Organisation', '全部角色': 'All roles', '姓名或用户名': 'Name or username', '设置角色': 'Roles', '重置密码': 'Reset password',
    '解锁': 'Unlock', '已锁定': 'Locked', '双因素': '2FA', '创建时间': 'Created', '初始密码': 'Initial password', '电子邮箱': 'E-mail', '手机号码': 'Mobile',
    '用户授权': 'User roles', '登录锁定': 'Sign-in locks', '解除锁定': 'Lift lock', '已解除锁定': 'Lock lifted', '来源地址': 'Source address',
    '失败次数': 'Failures', '锁定至': 'Locked until', '当前没有登录锁定': 'No sign-in locks', '不是本系统的账号': 'Not an account here',
    '同一用户名在同一来源地址连续登录失败后须等待，每多失败一次等待加倍': 'After repeated failures, a username waits at that address; each further failure doubles the wait',
    '角色由安全管理员授予（三员分立）：建立账号后，请安全管理员在「用户授权」中设置角色。': 'Roles are granted by the security administrator: after creating the account, ask them to set its roles under User roles.',
    '请先修改初始密码，然后才能使用系统。': 'Please change your initial password before using the system.',
    '权限': 'Permissions', '在左侧选择一个角色': 'Select a role on the left', '管理员': 'Admin', '权限已更新': 'Permissions updated', '角色已更新': 'Roles updated',
    // the profile, two-factor sign-in and users pages
    '动态验证码不正确': 'The code is not correct', '放大文字和按钮，提高对比度。设置随账号保存，在任何设备登录都有效。': 'Larger text and buttons, more contrast. Saved with your account, on every device.',
    '请输入当前密码': 'Please enter your current password', '请输入新密码': 'Please enter a new password', '新密码至少 10 位': 'The new password needs at least 10 characters',
    '至少 10 位，包含大写字母、小写字母、数字、符号中的至少三类，且不能包含用户名。': 'At least 10 characters from three of: capitals, small letters, digits, symbols; not containing the username.',
    '请再次输入新密码': 'Please enter the new password again', '两次输入的新密码不一致': 'The two new passwords differ', '双因素认证已开通': 'Two-factor sign-in is on',
    '{n} 人': '{n} people', '「{name}」的权限': 'Permissions of "{name}"',
    '双因素认证：登录时除密码外，还需输入手机验证器应用（如 Microsoft Authenticator、Google 身份验证器）生成的 6 位动态验证码。': 'Two-factor sign-in: besides your password you enter the 6-digit code of an authenticator app (such as Microsoft Authenticator or Google Authenticator).',
    '第一步：在验证器应用中选择“手动输入密钥”，输入下面的密钥（或复制链接导入）。': 'Step 1: in the authenticator app choose "Enter a setup key" and enter the key below (or import the link).',
    '第二步：输入验证器显示的 6 位动态验证码，完成开通。': 'Step 2: enter the 6-digit code the app shows to finish.',
    '管理员账号（系统管理员、安全管理员、审计管理员）须开通双因素认证后才能使用系统。': 'Administrator accounts (system, security and audit administrators) must turn on two-factor sign-in before they can use the system.',
    '重置「{name}」的密码？': 'Reset the password of "{name}"?', '系统将生成临时密码，用户下次登录时须修改。': 'A temporary password is made; the user must change it at the next sign-in.',
    '临时密码': 'Temporary password', '请输入姓名': 'Please enter the name', '请选择所属组织': 'Please choose the organisation', '请输入初始密码': 'Please enter the initial password',
    '至少 10 位，包含大写字母、小写字母、数字、符号中的至少三类。': 'At least 10 characters from three of: capitals, small letters, digits, symbols.',
    '设置「{name}」的角色': 'Roles of "{name}"', '管理员角色（三员）不能与业务角色同时授予一个用户。': 'An administrator role cannot be given to a user together with business roles.',
    '用户': 'User',
  },
};
