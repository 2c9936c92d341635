/** 登录: username and password, a TOTP code when the server asks for it, and clear messages for locked accounts. */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented, Space, Typography } from 'antd';
import { FontSizeOutlined, LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useSession, type MeResponse } from '../../../../kernel/web/session.tsx';
import { useI18n, locales, type Locale } from '../../../../kernel/web/i18n.tsx';

interface LoginForm { username: string; password: string; totp?: string }

export default function LoginPage() {
  const { t } = useI18n();
  const { signedIn, preferences, updatePreferences } = useSession();
  const [form] = Form.useForm<LoginForm>();
  const [needTotp, setNeedTotp] = useState(false);
  const [problem, setProblem] = useState<{ type: 'error' | 'warning'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const [params] = useSearchParams();

  const submit = async (v: LoginForm) => {
    setBusy(true);
    setProblem(null);
    try {
      const res = await api.post<MeResponse>('/api/auth/login', { username: v.username.trim(), password: v.password, ...(needTotp && v.totp ? { totp: v.totp.trim() } : {}) });
      signedIn(res);
      if (res.user.mustEnrollTotp) navigate('/totp-setup', { replace: true });
      // an initial or reset password: the server allows nothing else until it is changed
      else if (res.user.mustChangePassword) navigate('/profile', { replace: true });
      else {
        const next = params.get('next');
        navigate(next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/', { replace: true });
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'TOTP_REQUIRED') {
        if (needTotp && v.totp) form.setFields([{ name: 'totp', errors: [e.message || t('动态验证码不正确')] }]);
        else setProblem({ type: 'warning', text: t('管理员账号需要输入手机验证器上的 6 位动态验证码。') });
        setNeedTotp(true);
      } else if (e instanceof ApiError && (e.code === 'LOGIN_DELAYED' || e.code === 'ACCOUNT_LOCKED')) {
        setProblem({ type: 'error', text: e.message });
      } else if (!applyFormErrors(form, e)) {
        setProblem({ type: 'error', text: e instanceof ApiError ? e.message : String(e) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16, background: 'linear-gradient(180deg, #eef3f9 0%, #f7f9fc 60%)' }}>
      <main style={{ width: '100%', maxWidth: 420 }}>
        <Card>
          <Space orientation="vertical" size={4} style={{ width: '100%', marginBottom: 24, textAlign: 'center' }}>
            <Typography.Title level={1} style={{ margin: 0, fontSize: preferences.largeText ? 34 : 28 }}>{t('智慧政协')}</Typography.Title>
            <Typography.Text type="secondary">{t('提案 · 社情民意 · 协商议政 · 委员履职')}</Typography.Text>
          </Space>
          {problem && <Alert type={problem.type} showIcon title={problem.text} style={{ marginBottom: 16 }} role="alert" />}
          <Form form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false} autoComplete="on">
            <Form.Item name="username" label={t('用户名')} rules={[{ required: true, message: t('请输入用户名') }]}>
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('密码')} rules={[{ required: true, message: t('请输入密码') }]}>
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
            </Form.Item>
            {needTotp && (
              <Form.Item name="totp" label={t('动态验证码')} extra={t('打开手机上的验证器应用，输入当前显示的 6 位数字。')}
                rules={[{ required: true, message: t('请输入动态验证码') }, { pattern: /^\d{6}$/, message: t('动态验证码为 6 位数字') }]}>
                <Input prefix={<SafetyOutlined aria-hidden />} inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={busy}>{t('登录')}</Button>
          </Form>
          <div style={{ textAlign: 'center', marginTop: 16 }}><Link to="/public/proposals" data-testid="public-proposals-link">{t('公开提案查询')}</Link></div>
          <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 20 }} wrap>
            <Button icon={<FontSizeOutlined />} aria-pressed={preferences.largeText} onClick={() => void updatePreferences({ largeText: !preferences.largeText })}>
              {preferences.largeText ? t('标准字号') : t('大字模式')}
            </Button>
            <Segmented<Locale> aria-label={t('切换语言')} value={preferences.locale} options={locales.map((l) => ({ value: l.value, label: l.label }))} onChange={(v) => void updatePreferences({ locale: v })} />
          </Space>
        </Card>
      </main>
    </div>
  );
}
