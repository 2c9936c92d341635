/**
 * 联名确认 on the proposal page: an invited co-signer confirms or declines (谢绝联名) with one clear button each; the
 * proposer sees who has confirmed and that the proposal can be submitted once everyone has.
 */
import { Alert, App, Button, Modal, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { ProposalDetail } from '../../contract.ts';
import { api } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { formatDateTime } from '../../../../kernel/web/components.tsx';

export function CosignPanel({ p, onDone }: { p: ProposalDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const session = useSession();
  const invited = p.cosigners;
  if (!invited.length || !['draft', 'returned'].includes(p.state)) return null;

  if (p.abilities.confirmCosign) {
    const confirm = async () => {
      try { await api.post(`/api/proposals/${p.id}/cosign`); void message.success(t('已确认联名')); onDone(); } catch (e) { report(e, { onReload: onDone }); }
    };
    const decline = () => Modal.confirm({
      title: t('谢绝联名？'), content: t('谢绝后您将不再是这件提案的联名委员，提案人可以另请他人联名。'),
      okText: t('谢绝联名'), okButtonProps: { danger: true }, cancelText: t('再想想'),
      onOk: async () => {
        try { await api.post(`/api/proposals/${p.id}/cosign/decline`); void message.success(t('已谢绝联名')); navigate('/', { replace: true }); } catch (e) { report(e, { onReload: onDone }); }
      },
    });
    return (
      <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="cosign-invitation"
        title={t('{name} 邀请您联名这件提案', { name: p.proposerName })}
        description={(
          <>
            <Typography.Paragraph style={{ margin: '4px 0 12px' }}>{t('请阅读提案内容后确认。全部联名委员确认后，提案人才能提交。')}</Typography.Paragraph>
            <Space wrap style={mobile ? { width: '100%' } : undefined} orientation={mobile ? 'vertical' : 'horizontal'}>
              <Button size="large" type="primary" block={mobile} icon={<CheckCircleOutlined />} onClick={() => void confirm()}>{t('确认联名')}</Button>
              <Button size="large" danger block={mobile} onClick={decline}>{t('谢绝联名')}</Button>
            </Space>
          </>
        )} />
    );
  }

  if (p.proposerUserId !== session.me?.id) return null;
  const waiting = invited.filter((c) => !c.confirmedAt);
  return (
    <Alert type={waiting.length ? 'warning' : 'success'} showIcon style={{ marginBottom: 16 }} data-testid="cosign-status"
      title={waiting.length
        ? t('联名委员确认情况：已确认 {done} / {all} 位，还有 {n} 位未确认，全部确认后才能提交', { done: invited.length - waiting.length, all: invited.length, n: waiting.length })
        : t('联名委员已全部确认，可以提交')}
      description={(
        <Space wrap size={[4, 6]}>
          {invited.map((c) => (
            <Tag key={c.userId} color={c.confirmedAt ? 'green' : 'default'} icon={c.confirmedAt ? <CheckCircleOutlined /> : <ClockCircleOutlined />} style={{ fontSize: 14, padding: '2px 8px' }}>
              {c.name} {c.confirmedAt ? t('已确认 {at}', { at: formatDateTime(c.confirmedAt) }) : t('待确认')}
            </Tag>
          ))}
        </Space>
      )} />
  );
}
