/**
 * 起草报告: the 调研报告/视察报告 editor for the organisers while the report is drafted. The text, the problems and the
 * recommendations (each with its responsible departments and reply time) are saved as a new version under the trip's
 * version; the earlier versions are listed beside it, each with what changed in numbers and its note.
 */
import { useEffect } from 'react';
import { App, Button, Card, Col, Collapse, Form, Input, InputNumber, Result, Row, Select, Skeleton, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import type { InspectionDetail } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { API, type Options } from './shared.tsx';
import { diffReport } from '../../domain/report-diff.ts';

interface Version { no: number; title: string; body: string; problems: Array<{ text: string }>; recommendations: Array<{ text: string }>; note: string | null; authorName: string; createdAt: string }
interface Values { title: string; body: string; problems: Array<{ text: string }>; recommendations: Array<{ text: string; unitIds: string[]; dueWorkingDays?: number }>; note?: string }

export default function InspectionReportPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const report = useReportError();
  const { data: r, error, reload } = useApiQuery<InspectionDetail>(`${API}/${id}`);
  const options = useApiQuery<Options>(`${API}/options`);
  const versions = useApiQuery<{ items: Version[]; total: number }>(`${API}/${id}/report/versions`, { pageSize: 50 });
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (!r) return;
    form.setFieldsValue({
      title: r.report?.title ?? `关于${r.title}的${r.reportLabel}`, body: r.report?.body ?? '',
      problems: r.report?.problems.map((p) => ({ text: p.text })) ?? [],
      recommendations: r.report?.recommendations.map((x) => ({ text: x.text, unitIds: x.unitIds, dueWorkingDays: x.dueWorkingDays ?? undefined })) ?? [{ text: '', unitIds: [] }],
      note: '',
    });
  }, [r, form]);
  if (error && !r) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} />;
  if (!r) return <PageCard><Skeleton active /></PageCard>;
  if (!r.abilities.editReport) return <Result status="info" title={t('报告当前不能修改')} subTitle={t(r.stateLabel)} extra={<Button onClick={() => navigate(`/inspections/${r.id}`)}>{t('返回调研视察')}</Button>} />;

  const save = async (v: Values) => {
    try {
      await api.put(`${API}/${r.id}/report`, { version: r.version, ...v, note: v.note || undefined, problems: v.problems ?? [], recommendations: v.recommendations ?? [] });
      void message.success(t('已保存新一稿'));
      reload();
      versions.reload();
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: reload }); }
  };
  const units = (options.data?.units ?? []).map((u) => ({ value: u.code, label: u.label }));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <PageCard title={t('起草{label}', { label: t(r.reportLabel) })} extra={<Button onClick={() => navigate(`/inspections/${r.id}`)}>{t('返回调研视察')}</Button>}>
          <Form form={form} layout="vertical" onFinish={save}>
            <Form.Item name="title" label={t('报告标题')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
            <Form.Item name="body" label={t('报告正文')} rules={[{ required: true }]}><Input.TextArea rows={mobile ? 8 : 12} maxLength={50000} /></Form.Item>
            <Typography.Title level={5}>{t('存在问题')}</Typography.Title>
            <Form.List name="problems">
              {(fields, { add, remove }) => (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {fields.map((f, i) => (
                    <Space key={f.key} align="start" style={{ width: '100%' }} styles={{ item: { flex: 1 } }}>
                      <Form.Item name={[f.name, 'text']} rules={[{ required: true, min: 2 }]} style={{ marginBottom: 0 }}><Input addonBefore={i + 1} maxLength={2000} /></Form.Item>
                      <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('删除')} />
                    </Space>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ text: '' })}>{t('添加问题')}</Button>
                </Space>
              )}
            </Form.List>
            <Typography.Title level={5} style={{ marginTop: 16 }}>{t('意见建议')}</Typography.Title>
            <Form.List name="recommendations">
              {(fields, { add, remove }) => (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {fields.map((f, i) => (
                    <Card key={f.key} size="small" title={t('建议 {n}', { n: i + 1 })} extra={<Button size="small" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('删除')} />}>
                      <Form.Item name={[f.name, 'text']} label={t('建议内容')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
                      <Row gutter={12}>
                        <Col xs={24} md={16}><Form.Item name={[f.name, 'unitIds']} label={t('责任单位')} rules={[{ required: true }]}><Select mode="multiple" showSearch optionFilterProp="label" options={units} /></Form.Item></Col>
                        <Col xs={24} md={8}><Form.Item name={[f.name, 'dueWorkingDays']} label={t('反馈期限（工作日）')}><InputNumber min={1} max={250} style={{ width: '100%' }} placeholder="60" /></Form.Item></Col>
                      </Row>
                    </Card>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ text: '', unitIds: [] })}>{t('添加建议')}</Button>
                </Space>
              )}
            </Form.List>
            <Form.Item name="note" label={t('修订说明')} style={{ marginTop: 16 }}><Input maxLength={500} /></Form.Item>
            <Button type="primary" htmlType="submit" size="large">{t('保存为新一稿')}</Button>
          </Form>
        </PageCard>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" title={t('修订记录（{n} 稿）', { n: versions.data?.total ?? 0 })}>
          <Collapse size="small" items={(versions.data?.items ?? []).map((v, i, all) => ({
            key: String(v.no),
            label: `${t('第 {n} 稿', { n: v.no })} · ${v.authorName} · ${formatDateTime(v.createdAt)}`,
            children: <>
              <Typography.Text type="secondary">{t('问题 {p} 个，建议 {r} 条', { p: v.problems.length, r: v.recommendations.length })}{v.note ? ` · ${v.note}` : ''}</Typography.Text>
              <VersionDiff v={v} prev={all[i + 1] ?? null} />
              <Typography.Paragraph strong style={{ marginTop: 8 }}>{v.title}</Typography.Paragraph>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 6, expandable: true }}>{v.body}</Typography.Paragraph>
            </>,
          }))} />
        </Card>
      </Col>
    </Row>
  );
}

/** 较上一稿: what this version added or dropped against the one before it (the versions come newest first). */
function VersionDiff({ v, prev }: { v: Version; prev: Version | null }) {
  const { t } = useI18n();
  if (!prev) return null;
  const d = diffReport(prev, v);
  const line = (label: string, items: string[], color: string) => items.length > 0 && (
    <div>{t(label)}：{items.map((x, k) => <Typography.Text key={k} style={{ color, display: 'block' }}>{x}</Typography.Text>)}</div>
  );
  const changed = [d.titleChanged && t('修改标题'), d.bodyChanged && t('修改正文')].filter(Boolean).join('，');
  const empty = !changed && !d.problemsAdded.length && !d.problemsDropped.length && !d.recommendationsAdded.length && !d.recommendationsDropped.length;
  return (
    <div style={{ marginTop: 8 }} data-testid={`diff-${v.no}`}>
      <Typography.Text strong>{t('较上一稿')}</Typography.Text>
      {empty ? <div>{t('无变化')}</div> : <>
        {changed && <div>{changed}</div>}
        {line('新增问题', d.problemsAdded, '#389e0d')}{line('删去问题', d.problemsDropped, '#cf1322')}
        {line('新增建议', d.recommendationsAdded, '#389e0d')}{line('删去建议', d.recommendationsDropped, '#cf1322')}
      </>}
    </div>
  );
}
