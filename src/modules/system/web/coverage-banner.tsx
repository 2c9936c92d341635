/** Tells whoever manages the working-day calendar, on every page after sign-in, that a year deadlines reach into has no holiday schedule. */
import { Alert, Button } from 'antd';
import { Link } from 'react-router';
import type { CalendarCoverage } from '../contract.ts';
import { useI18n } from '../../../kernel/web/i18n.tsx';
import { useApiQuery } from '../../../kernel/web/hooks.ts';
import { useSession } from '../../../kernel/web/session.tsx';

function Banner() {
  const { t } = useI18n();
  const { data } = useApiQuery<CalendarCoverage>('/api/admin/calendar/coverage', {});
  if (!data?.missing.length) return null;
  return (
    <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="calendar-coverage-banner"
      title={t('工作日历缺少 {years} 年的法定节假日安排，跨元旦、春节的办理期限会按普通工作日计算。请在国务院公布后录入或导入。', { years: data.missing.join('、') })}
      action={<Link to="/admin/calendar"><Button size="small" type="primary">{t('去录入')}</Button></Link>} />
  );
}

export function CalendarCoverageBanner() {
  const { can } = useSession();
  return can('calendar.manage') ? <Banner /> : null;
}
