/** 双因素认证开通: administrators enrol a TOTP authenticator before they can use the system. */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useSession } from '../../../../kernel/web/session.tsx';
import { useReportError } from '../../../../kernel/web/hooks.ts';

/** The enrolment steps, used both on the forced page and in the profile. */
export function TotpEnrollment({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const report = useReportError();
  const [setup, setSetup] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ code: string }>();

  const start = async () => {
    setBusy(true);
    try { setSetup(await api.post('/api/auth/totp/setup')); } catch (e) { report(e); } finally { setBusy(false); }
  };
  const enable = async (v: { code: string }) => {
    setBusy(true);
    try { await api.post('/api/auth/totp/enable', { code: v.code.trim() }); onDone(); } catch (e) { if (!applyFormErrors(form, e)) report(e); } finally { setBusy(false); }
  };

  if (!setup) {
    return (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph>{t('双因素认证：登录时除密码外，还需输入手机验证器应用（如 Microsoft Authenticator、Google 身份验证器）生成的 6 位动态验证码。')}</Typography.Paragraph>
        <Button type="primary" size="large" loading={busy} onClick={start}>{t('开始设置')}</Button>
      </Space>
    );
  }
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph>{t('第一步：在验证器应用中选择“手动输入密钥”，输入下面的密钥（或复制链接导入）。')}</Typography.Paragraph>
      <div>
        <Typography.Text type="secondary">{t('密钥')}</Typography.Text>
        <Typography.Paragraph copyable code style={{ fontSize: 18, wordBreak: 'break-all' }} data-testid="totp-secret">{setup.secret}</Typography.Paragraph>
        <Typography.Text type="secondary">{t('导入链接')}</Typography.Text>
        <Typography.Paragraph copyable style={{ wordBreak: 'break-all' }}>{setup.otpauthUrl}</Typography.Paragraph>
      </div>
      <Typography.Paragraph>{t('第二步：输入验证器显示的 6 位动态验证码，完成开通。')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={enable}>
        <Form.Item name="code" label={t('动态验证码')} rules={[{ required: true, message: t('请输入动态验证码') }, { pattern: /^\d{6}$/, message: t('动态验证码为 6 位数字') }]}>
          <Input size="large" inputMode="numeric" maxLength={6} autoComplete="one-time-code" style={{ maxWidth: 240 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" loading={busy}>{t('开通')}</Button>
      </Form>
    </Space>
  );
}

export default function TotpSetupPage() {
  const { t } = useI18n();
  const { me, loading, refresh, logout } = useSession();
  const navigate = useNavigate();
  useEffect(() => { if (!loading && !me) navigate('/login', { replace: true }); }, [loading, me, navigate]);
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16, background: '#f3f6fa' }}>
      <main style={{ width: '100%', maxWidth: 560 }}>
        <Card title={<Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('开通双因素认证')}</Typography.Title>} extra={<Button type="link" onClick={() => void logout()}>{t('退出登录')}</Button>}>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('管理员账号（系统管理员、安全管理员、审计管理员）须开通双因素认证后才能使用系统。')} />
          <TotpEnrollment onDone={async () => { await refresh(); navigate('/', { replace: true }); }} />
        </Card>
      </main>
    </div>
  );
}
