/**
 * 工作回眸: the annual review of a year as a web page, its sections in the order of the CPPCC's duties, each with its
 * wording (the figures in it are live and link to their records) and its figures with the change on last year. The
 * office edits the wording around placeholders (a number cannot be typed in), saves under the version it read, and
 * takes the document through 送审定 → 审定 → 发布; anyone who may read it downloads it as Word or prints it.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Result, Row, Select, Skeleton, Space, Steps, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import type { ReviewDocument, ReviewSection, YearFigure } from '../../contract.ts';
import { api, applyFormErrors, toQueryString } from '../../../../kernel/web/api.ts';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { WorkflowActions, type RecordAction } from '../../../../kernel/web/workflow-actions.tsx';
import { ChangeText, FigureLink } from '../figure-link.tsx';

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const printCss = `@media print { .ant-layout-sider, .ant-layout-header, .no-print { display: none !important; } .ant-layout-content { margin: 0 !important; } }`;

function Paragraphs({ s }: { s: ReviewSection }) {
  return (
    <Typography.Paragraph style={{ textIndent: '2em', fontSize: 16, lineHeight: 1.9, marginBottom: 8 }} data-testid={`wording-${s.code}`}>
      {s.pieces.map((p, i) => ('key' in p
        ? <FigureLink key={i} f={{ label: p.key, link: p.link, page: p.page }}><b>{p.text}</b></FigureLink>
        : <span key={i} style={{ whiteSpace: 'pre-wrap' }}>{p.text}</span>))}
    </Typography.Paragraph>
  );
}

function FigureTable({ figures, mobile }: { figures: YearFigure[]; mobile: boolean }) {
  const { t } = useI18n();
  return (
    <Table size="small" pagination={false} rowKey="key" dataSource={figures} style={{ marginBottom: 8 }}
      columns={[
        { title: t('数字'), dataIndex: 'label', render: (l: string) => t(l) },
        { title: t('本年'), key: 'value', align: 'right' as const, render: (_: unknown, f: YearFigure) => <span style={{ whiteSpace: 'nowrap' }}><FigureLink f={f} testId={`review-figure-${f.key}`}>{f.value}{f.unit}</FigureLink></span> },
        ...(mobile ? [] : [{ title: t('上年'), key: 'previous', align: 'right' as const, render: (_: unknown, f: YearFigure) => (f.previous === null ? '—' : `${f.previous}${f.unit}`) }]),
        { title: t('增减'), key: 'change', render: (_: unknown, f: YearFigure) => <ChangeText change={f.change} percent={f.changePercent} attention={f.attention} /> },
      ]} />
  );
}

export default function ReviewPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? undefined;
  const org = params.get('org') ?? undefined;
  // a work item opens the document it names (`doc`); the year and CPPCC come with it
  const doc = params.get('doc') ?? undefined;
  const { data: d, loading, error, reload } = useApiQuery<ReviewDocument>('/api/review/document', doc ? { doc } : { year, org });
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();
  const [pick, setPick] = useState<Record<string, string | undefined>>({});

  if (error && !d) return <Result status={error.status === 403 ? '403' : 'error'} title={error.message} />;
  if (!d) return <PageCard loading={loading}><Skeleton active /></PageCard>;
  const set = (k: string, v: string | undefined) => { const p = new URLSearchParams(params); p.delete('doc'); if (v) p.set(k, v); else p.delete(k); setParams(p, { replace: true }); };
  const years = Array.from({ length: 6 }, (_, i) => d.year + 1 - i);

  const fire = async (a: RecordAction, input: Record<string, unknown>) => {
    await api.post(`/api/review/documents/${d.id}/transitions`, { action: a.name, version: d.version, input });
    void message.success(t('已{label}', { label: t(a.label) }));
    reload();
  };
  const startEdit = () => {
    form.setFieldsValue({ title: d.title, wording: Object.fromEntries(d.sections.map((s) => [s.code, s.wording])) });
    setEditing(true);
  };
  const save = async (v: { title: string; wording: Record<string, string> }) => {
    try {
      await api.put('/api/review/document', { year: d.year, version: d.version, title: v.title, wording: v.wording });
      setEditing(false);
      void message.success(t('已保存'));
      reload();
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: reload }); }
  };
  const insert = (code: string) => {
    const key = pick[code];
    if (!key) return;
    const cur = (form.getFieldValue(['wording', code]) as string | undefined) ?? '';
    form.setFieldValue(['wording', code], `${cur}{${key}}`);
  };
  const docx = `/api/review/document.docx${toQueryString({ year: d.year, org })}`;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <style>{printCss}</style>
      <PageCard wrapTitle title={d.title} extra={<Tag color={d.stateTone} data-testid="review-state">{t(d.stateLabel)}</Tag>}>
        <Space wrap className="no-print" style={{ marginBottom: 12 }}>
          <Select aria-label={t('年度')} value={d.year} style={{ width: 100 }} options={years.map((y) => ({ value: y, label: `${y}` }))} onChange={(v) => set('year', String(v))} />
          <Button icon={<DownloadOutlined />} href={docx} data-testid="download-docx">{t('下载 Word')}</Button>
          {!mobile && <Button icon={<PrinterOutlined />} onClick={() => window.print()}>{t('打印')}</Button>}
          {d.canEdit && !editing && <Button icon={<EditOutlined />} type="primary" onClick={startEdit}>{t('修改文稿')}</Button>}
          {d.id && !editing && <WorkflowActions actions={d.actions} onFire={fire} onConflictReload={reload} />}
        </Space>
        <Steps className="no-print" size="small" direction={mobile ? 'vertical' : 'horizontal'} current={d.progress.stage} status={d.progress.status}
          items={d.progress.stages.map((s) => ({ title: t(s) }))} style={{ marginBottom: 8 }} />
        {d.returnReason && d.state === 'draft' && <Alert type="warning" showIcon message={t('退回理由：{r}', { r: d.returnReason })} />}
        {d.editorName && d.updatedAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('最后修改：{name} {at}', { name: d.editorName, at: formatDateTime(d.updatedAt) })}</Typography.Text>}
      </PageCard>

      {editing ? (
        <Card>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('正文中的数字请用占位符插入，如 {proposals.filed}；数字随记录实时更新，修改文稿不能改变数字。')} />
          <Form form={form} layout="vertical" onFinish={save}>
            <Form.Item name="title" label={t('标题')} rules={[{ required: true }]}><Input /></Form.Item>
            {d.sections.map((s, i) => (
              <div key={s.code}>
                <Form.Item name={['wording', s.code]} label={`${numerals[i]}、${t(s.heading)}`}>
                  <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} data-testid={`edit-${s.code}`} />
                </Form.Item>
                <Space.Compact style={{ marginTop: -12, marginBottom: 16, width: mobile ? '100%' : 460 }}>
                  <Select showSearch optionFilterProp="label" placeholder={t('插入统计数字')} style={{ width: '100%' }} value={pick[s.code]}
                    onChange={(v) => setPick({ ...pick, [s.code]: v })}
                    options={d.placeholders.map((p) => ({ value: p.key, label: `${t(p.label)}（${p.key}）` }))} />
                  <Button onClick={() => insert(s.code)}>{t('插入统计数字')}</Button>
                </Space.Compact>
              </div>
            ))}
            <Space><Button type="primary" htmlType="submit" data-testid="save-review">{t('保存')}</Button><Button onClick={() => setEditing(false)}>{t('取消')}</Button></Space>
          </Form>
        </Card>
      ) : (
        <Card>
          {d.sections.map((s, i) => (
            <section key={s.code} data-testid={`section-${s.code}`} style={{ marginBottom: 24 }}>
              <Typography.Title level={4}>{numerals[i]}、{t(s.heading)}</Typography.Title>
              <Paragraphs s={s} />
              {s.figures.length > 0 && (
                <Row><Col span={24}>
                  <Typography.Text strong>{t('主要数据')}</Typography.Text>
                  <FigureTable figures={s.figures} mobile={mobile} />
                </Col></Row>
              )}
              {s.highlights.length > 0 && (
                <div data-testid={`highlights-${s.code}`}>
                  <Typography.Text strong>{t('重点记录')}</Typography.Text>
                  <ul style={{ paddingInlineStart: 20, margin: '4px 0 0' }}>
                    {s.highlights.map((h) => (
                      <li key={h.link} style={{ marginBottom: 4 }}>
                        <Tag>{t(h.kind)}</Tag><Link to={h.link}>{h.title}</Link>
                        <Typography.Text type="secondary">　{h.outcome}{h.date ? `（${h.date}）` : ''}</Typography.Text>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </section>
          ))}
        </Card>
      )}
    </Space>
  );
}
