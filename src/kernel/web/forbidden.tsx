/**
 * The 无权访问 page, for a page whose permission the user does not hold (the web root checks, this page explains). A file
 * of its own: antd's Result with its illustrations loads only for the few who meet it, not with every page.
 */
import { Result } from 'antd';
import { useI18n } from './i18n.tsx';

export function Forbidden() {
  const { t } = useI18n();
  return <Result status="403" title={t('无权访问')} subTitle={t('您的角色没有访问此页面的权限。如需开通，请联系安全管理员。')} />;
}
