// 页面不存在: an address inside the signed-in layout that no module declares.
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../kernel/web/i18n.tsx';

export default function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return <Result status="404" title={t('页面不存在')} extra={<Button type="primary" onClick={() => navigate('/')}>{t('返回首页')}</Button>} />;
}
