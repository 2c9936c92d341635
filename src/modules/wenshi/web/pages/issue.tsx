/**
 * An issue of 《长治文史》 (第N辑): its contents (目录) in order, grouped by section. While the issue is being edited the
 * 文史委 staff reorder the entries by dragging them or with the ↑ ↓ buttons (on a phone, the buttons), change an
 * entry's section, save the order (under the issue's version: a stale one is a 409 that offers to reload), publish the
 * issue, and download the contents as Word.
 */
import { useEffect, useState } from 'react';
import { App, AutoComplete, Button, Descriptions, List, Popconfirm, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined, HolderOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import type { IssueDetail } from '../../contract.ts';
import { api } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { EmptyHint, PageCard, formatDate } from '../../../../kernel/web/components.tsx';

type Entry = IssueDetail['contents'][number];
const sections = ['红色记忆', '上党史话', '古建遗存', '人物春秋', '民俗风情', '口述历史'];

export default function IssuePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { data: d, loading, error, reload } = useApiQuery<IssueDetail>(`/api/wenshi/issues/${id}`);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [dragging, setDragging] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (d) setEntries(d.contents); }, [d]);

  if (error && !d) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/wenshi/issues')}>{t('返回列表')}</Button>} />;
  if (!d) return <PageCard loading={loading}><Skeleton active /></PageCard>;

  const editable = d.actions.includes('edit');
  const changed = JSON.stringify(entries.map((e) => [e.materialId, e.section])) !== JSON.stringify(d.contents.map((e) => [e.materialId, e.section]));
  const move = (from: number, to: number) => {
    if (to < 0 || to >= entries.length || from === to) return;
    const next = [...entries];
    const [e] = next.splice(from, 1);
    next.splice(to, 0, e);
    setEntries(next);
  };
  const save = async () => {
    setBusy(true);
    try {
      await api.put(`/api/wenshi/issues/${d.id}/contents`, { version: d.version, entries: entries.map((e) => ({ materialId: e.materialId, section: e.section })) });
      void message.success(t('目录已保存'));
      reload();
    } catch (e) { report(e, { onReload: reload }); } finally { setBusy(false); }
  };
  const publish = async () => {
    setBusy(true);
    try {
      await api.post(`/api/wenshi/issues/${d.id}/publish`, { version: d.version });
      void message.success(t('已出版'));
      reload();
    } catch (e) { report(e, { onReload: reload }); } finally { setBusy(false); }
  };

  return (
    <PageCard wrapTitle title={`《${d.title}》${d.label}`} extra={d.published ? <Tag color="success">{t('已出版')}</Tag> : <Tag color="processing">{t('编辑中')}</Tag>}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label={t('年度')}>{d.year}</Descriptions.Item>
        <Descriptions.Item label={t('主编')}>{d.editor}</Descriptions.Item>
        <Descriptions.Item label={t('篇目')}>{d.contents.length}</Descriptions.Item>
        {d.publishedAt && <Descriptions.Item label={t('出版日期')}>{formatDate(d.publishedAt)}</Descriptions.Item>}
      </Descriptions>
      <Space wrap style={{ margin: '12px 0' }}>
        <Button icon={<DownloadOutlined />} href={`/api/wenshi/issues/${d.id}/contents.docx`} data-testid="wenshi-export">{t('导出目录（Word）')}</Button>
        {editable && <Button type="primary" disabled={!changed} loading={busy} onClick={() => void save()} data-testid="wenshi-save-order">{t('保存目录')}</Button>}
        {editable && changed && <Button onClick={() => setEntries(d.contents)}>{t('撤销调整')}</Button>}
        {d.actions.includes('publish') && (
          <Popconfirm title={t('出版后目录不能再调整，篇目进入文史资料库。确认出版？')} onConfirm={() => void publish()} okText={t('出版')} cancelText={t('取消')} disabled={changed || d.contents.length === 0}>
            <Button disabled={changed || d.contents.length === 0}>{t('出版')}</Button>
          </Popconfirm>
        )}
        {editable && <Link to="/wenshi?state=accepted,edited">{t('选入篇目：从已采用的文史资料中选择')}</Link>}
      </Space>
      {editable && <Typography.Paragraph type="secondary">{mobile ? t('用 ↑ ↓ 调整顺序，改好后保存目录。') : t('拖动篇目或用 ↑ ↓ 调整顺序，可修改栏目，改好后保存目录。')}</Typography.Paragraph>}
      {entries.length === 0 ? <EmptyHint text={t('本辑还没有篇目。在文史资料中对已采用的稿件“选入辑刊”。')} /> : (
        <List bordered dataSource={entries} data-testid="wenshi-contents"
          renderItem={(e, i) => {
            const firstOfSection = i === 0 || entries[i - 1].section !== e.section;
            return (
              <List.Item
                draggable={editable && !mobile}
                onDragStart={() => setDragging(i)}
                onDragOver={(ev) => { if (dragging !== null) ev.preventDefault(); }}
                onDrop={() => { if (dragging !== null) move(dragging, i); setDragging(null); }}
                onDragEnd={() => setDragging(null)}
                style={{ background: dragging === i ? '#e6f4ff' : undefined, alignItems: 'flex-start', flexWrap: mobile ? 'wrap' : undefined }}
                data-testid="wenshi-entry"
                actions={editable ? [
                  <Button key="up" size="small" icon={<ArrowUpOutlined />} aria-label={t('上移')} disabled={i === 0} onClick={() => move(i, i - 1)} />,
                  <Button key="down" size="small" icon={<ArrowDownOutlined />} aria-label={t('下移')} disabled={i === entries.length - 1} onClick={() => move(i, i + 1)} />,
                ] : undefined}
              >
                <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
                  {firstOfSection && <Typography.Text strong>【{e.section}】</Typography.Text>}
                  <Space wrap size={[8, 2]}>
                    {editable && !mobile && <HolderOutlined style={{ cursor: 'grab', color: '#999' }} />}
                    <Typography.Text>{i + 1}.</Typography.Text>
                    <Link to={`/wenshi/${e.materialId}`}>{e.title}</Link>
                    <Typography.Text type="secondary">{e.contributorName}</Typography.Text>
                  </Space>
                  {editable && (
                    <AutoComplete size="small" style={{ width: 160 }} value={e.section} options={sections.map((s) => ({ value: s }))} aria-label={t('栏目')}
                      onChange={(v: string) => setEntries(entries.map((x, k) => (k === i ? { ...x, section: v } : x)))} />
                  )}
                </Space>
              </List.Item>
            );
          }} />
      )}
    </PageCard>
  );
}
