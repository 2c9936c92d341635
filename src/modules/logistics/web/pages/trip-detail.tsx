/**
 * 用车详情: where the request stands (step bar), its times and place, the car and driver once dispatched (what the
 * requester came to see), and the caller's actions from the server. 派车 offers the vehicles and drivers as choices,
 * marking those already booked at an overlapping time on the day's board; the server decides (a clash is a 409).
 */
import { App, Button, Card, Descriptions, Result, Select, Skeleton, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import type { BoardView, OfficeOptions, TripDetail } from '../../contract.ts';
import { api } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { WorkflowActions, type RecordAction } from '../../../../kernel/web/workflow-actions.tsx';
import { formatSpan } from './format.ts';

const clash = (b: { startsAt: string; endsAt: string }, r: { startsAt: string; endsAt: string }) => b.startsAt < r.endsAt && r.startsAt < b.endsAt;

export default function TripDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { data: r, loading, error, reload } = useApiQuery<TripDetail>(`/api/office/trips/${id}`);
  const dispatching = !!r?.actions.some((a) => a.name === 'assign');
  const options = useApiQuery<OfficeOptions>(dispatching ? '/api/office/options' : null);
  const days = r ? Math.max(1, Math.round((Date.parse(`${r.endsAt.slice(0, 10)}T00:00Z`) - Date.parse(`${r.startsAt.slice(0, 10)}T00:00Z`)) / 86_400_000) + 1) : 1;
  const board = useApiQuery<BoardView>(dispatching && r ? '/api/office/board' : null, r ? { date: r.startsAt.slice(0, 10), days: Math.min(days, 14) } : undefined);

  if (error && !r) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/office/trips')}>{t('返回列表')}</Button>} />;
  if (!r) return <PageCard loading={loading}><Skeleton active /></PageCard>;

  const fire = async (a: RecordAction, input: Record<string, unknown>) => {
    await api.post(`/api/office/trips/${r.id}/transitions`, { action: a.name, version: r.version, input });
    void message.success(t('已{label}', { label: t(a.label) }));
    reload();
  };
  const busy = (kind: 'vehicles' | 'drivers', rid: string) => board.data?.[kind].find((x) => x.id === rid)?.bookings.find((b) => b.tripId !== r.id && clash(b, r));
  const renderField = (f: { name: string }) => {
    if (f.name === 'vehicleId') {
      return <Select showSearch optionFilterProp="label" placeholder={t('选择车辆')} options={(options.data?.vehicles ?? []).filter((v) => v.active).map((v) => {
        const b = busy('vehicles', v.id);
        return { value: v.id, label: `${v.plate}（${t(v.kind)}，${v.seats}${t('座')}）${b ? ` · ${t('已派出')} ${formatSpan(b.startsAt, b.endsAt)}` : ''}`, disabled: !!b || v.seats < r.passengers };
      })} />;
    }
    if (f.name === 'driverId') {
      return <Select showSearch optionFilterProp="label" placeholder={t('选择驾驶员')} options={(options.data?.drivers ?? []).filter((d) => d.active).map((d) => {
        const b = busy('drivers', d.id);
        return { value: d.id, label: `${d.name}${b ? ` · ${t('有任务')} ${formatSpan(b.startsAt, b.endsAt)}` : ''}`, disabled: !!b };
      })} />;
    }
    return undefined;
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard wrapTitle title={r.purpose} extra={<Tag color={r.stateTone}>{t(r.stateLabel)}</Tag>}>
        <Steps size="small" direction={mobile ? 'vertical' : 'horizontal'} current={r.progress.stage} status={r.progress.status}
          items={r.progress.stages.map((s) => ({ title: t(s) }))} style={{ marginBottom: 16 }} />
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('用车时间')}>{formatSpan(r.startsAt, r.endsAt)}</Descriptions.Item>
          <Descriptions.Item label={t('目的地')}>{r.destination}</Descriptions.Item>
          <Descriptions.Item label={t('乘车人数')}>{r.passengers}</Descriptions.Item>
          <Descriptions.Item label={t('申请人')}>{r.ownerName}</Descriptions.Item>
          {r.reason && <Descriptions.Item label={t('原因')}>{r.reason}</Descriptions.Item>}
        </Descriptions>
        <Space wrap style={{ marginTop: 16 }}>
          <WorkflowActions actions={r.actions} onFire={fire} onConflictReload={reload} renderField={renderField} />
        </Space>
      </PageCard>

      {r.vehicle && (
        <Card size="small" title={t('派车信息')} data-testid="trip-car">
          <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
            <Descriptions.Item label={t('车辆')}>{r.vehicle}</Descriptions.Item>
            <Descriptions.Item label={t('驾驶员')}>{r.driver}</Descriptions.Item>
            <Descriptions.Item label={t('联系电话')}>{r.driverPhone ? <a href={`tel:${r.driverPhone}`}>{r.driverPhone}</a> : '—'}</Descriptions.Item>
            {r.km !== null && <Descriptions.Item label={t('行驶里程')}>{`${r.km} km（${r.startKm} → ${r.endKm}）`}</Descriptions.Item>}
          </Descriptions>
        </Card>
      )}

      <Card size="small" title={t('办理过程')}>
        {r.history.length === 0 ? <Typography.Text type="secondary">{t('暂无')}</Typography.Text> : (
          <Timeline items={r.history.map((h) => ({ children: <div>{t(h.actionLabel)} → {t(h.toStateLabel)} · {h.actorName} · {formatDateTime(h.at)}{h.note && <div>{h.note}</div>}</div> }))} />
        )}
      </Card>
    </Space>
  );
}
