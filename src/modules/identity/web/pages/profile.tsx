/** 个人设置: who I am, change my password, two-factor sign-in, large-text and language preferences. */
import { useState } from 'react';
import { Alert, App, Button, Col, Descriptions, Form, Input, Radio, Row, Switch, Tag } from 'antd';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n, locales, type Locale } from '../../../../kernel/web/i18n.tsx';
import { useSession } from '../../../../kernel/web/session.tsx';
import { useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard } from '../../../../kernel/web/components.tsx';
import { TotpEnrollment } from './totp-setup.tsx';

interface PasswordForm { currentPassword: string; newPassword: string; confirm: string }

export default function ProfilePage() {
  const { t } = useI18n();
  const { me, preferences, updatePreferences, refresh } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<PasswordForm>();
  const [busy, setBusy] = useState(false);
  if (!me) return null;

  const changePassword = async (v: PasswordForm) => {
    setBusy(true);
    try {
      await api.post('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      form.resetFields();
      void message.success(t('密码已修改'));
      void refresh();
    } catch (e) {
      if (!applyFormErrors(form, e)) report(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={[16, 0]}>
      <Col xs={24} lg={12}>
        <PageCard title={t('个人信息')}>
          <Descriptions column={1} bordered size="middle" items={[
            { key: 'name', label: t('姓名'), children: me.displayName },
            { key: 'username', label: t('用户名'), children: me.username },
            { key: 'org', label: t('所属组织'), children: me.orgName },
            { key: 'tenant', label: t('所属政协'), children: me.tenantName },
            { key: 'roles', label: t('角色'), children: me.roles.map((r) => <Tag key={r.code}>{r.name}</Tag>) },
          ]} />
        </PageCard>
        <PageCard title={t('显示与语言')}>
          <Form layout="vertical">
            <Form.Item label={t('大字模式（适老化）')} extra={t('放大文字和按钮，提高对比度。设置随账号保存，在任何设备登录都有效。')}>
              <Switch checked={preferences.largeText} onChange={(v) => void updatePreferences({ largeText: v })} aria-label={t('大字模式（适老化）')} />
            </Form.Item>
            <Form.Item label={t('界面语言')}>
              <Radio.Group value={preferences.locale} onChange={(e) => void updatePreferences({ locale: e.target.value as Locale })} optionType="button"
                options={locales.map((l) => ({ value: l.value, label: l.label }))} />
            </Form.Item>
          </Form>
        </PageCard>
      </Col>
      <Col xs={24} lg={12}>
        <PageCard title={t('修改密码')}>
          {me.mustChangePassword && <Alert type="warning" showIcon role="alert" style={{ marginBottom: 12 }} title={t('请先修改初始密码，然后才能使用系统。')} />}
          <Form form={form} layout="vertical" onFinish={changePassword} style={{ maxWidth: 420 }}>
            <Form.Item name="currentPassword" label={t('当前密码')} rules={[{ required: true, message: t('请输入当前密码') }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Form.Item name="newPassword" label={t('新密码')} extra={t('至少 10 位，包含大写字母、小写字母、数字、符号中的至少三类，且不能包含用户名。')}
              rules={[{ required: true, message: t('请输入新密码') }, { min: 10, message: t('新密码至少 10 位') }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="confirm" label={t('确认新密码')} dependencies={['newPassword']} rules={[
              { required: true, message: t('请再次输入新密码') },
              ({ getFieldValue }) => ({ validator: (_r, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('两次输入的新密码不一致')))) }),
            ]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>{t('修改密码')}</Button>
          </Form>
        </PageCard>
        <PageCard title={t('双因素认证')}>
          {me.totpEnabled ? <Tag color="green">{t('已开通')}</Tag> : <TotpEnrollment onDone={() => { void refresh(); void message.success(t('双因素认证已开通')); }} />}
        </PageCard>
      </Col>
    </Row>
  );
}
