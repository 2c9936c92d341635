/**
 * 民主评议详情, as the caller sees it. The office: the plan (departments, items and weights, group), the step bar and its
 * actions, the self-reports, visits, the vote's QR code and live turnout, representatives' one-time codes, the results
 * ranked with exports, the rectification items and their progress in the tracker. A department: its own self-report,
 * the published results and its rectification items, never a ballot. A member: their vote, and the published results.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, List, Modal, QRCode, Result, Select, Skeleton, Space, Statistic, Table, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router';
import type { AppraisalDetail, UnitResultView } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { LifecycleSteps } from '../../../../kernel/web/lifecycle-steps.tsx';
import { PageCard, formatDate, formatDateTime } from '../../../../kernel/web/components.tsx';
import { WorkflowActions, type RecordAction } from '../../../../kernel/web/workflow-actions.tsx';

const pre = { whiteSpace: 'pre-wrap' as const, margin: 0 };
const base = '/api/supervision/appraisals';
const score = (x: number | null) => (x === null ? '—' : x.toFixed(2));
const absolute = (path: string) => `${window.location.origin}${path}`;

/** Members of the CPPCC, searched by name as one types (GET /api/members/search), for the appraisal group. */
function MemberSelect({ id, value, onChange, multiple, known, placeholder }: { id?: string; value?: string | string[]; onChange?: (v: string | string[]) => void; multiple?: boolean; known: Array<{ userId: string; name: string }>; placeholder?: string }) {
  const [options, setOptions] = useState<Array<{ value: string; label: string }>>(known.map((k) => ({ value: k.userId, label: k.name })));
  const search = (q: string) => {
    void api.get<{ items: Array<{ userId: string; name: string; sectorName: string | null }> }>('/api/members/search', { q: q || undefined, pageSize: 20 }).then((r) => {
      setOptions((old) => {
        const keep = old.filter((o) => (Array.isArray(value) ? value.includes(o.value) : o.value === value));
        const fresh = r.items.map((m) => ({ value: m.userId, label: m.sectorName ? `${m.name}（${m.sectorName}）` : m.name }));
        return [...keep, ...fresh.filter((f) => !keep.some((k) => k.value === f.value))];
      });
    }, () => undefined);
  };
  return <Select id={id} mode={multiple ? 'multiple' : undefined} allowClear showSearch filterOption={false} onSearch={search} onFocus={() => search('')} value={value} onChange={onChange} options={options} placeholder={placeholder} />;
}

interface Tracked { id: string; itemKey: string; unitName: string; text: string; stateLabel: string; stateTone: string; dueDate: string | null; overdue: boolean }

/** The ranked results: one row per department, its items' scores, its satisfaction rate. */
export function ResultsTable({ results, items }: { results: UnitResultView[]; items: AppraisalDetail['items'] }) {
  const { t } = useI18n();
  return (
    <Table<UnitResultView> rowKey="unitId" size="small" pagination={false} dataSource={results} scroll={{ x: 'max-content' }} data-testid="appraisal-results"
      columns={[
        { title: t('排名'), dataIndex: 'rank', key: 'rank', width: 60, render: (v) => v ?? '—' },
        { title: t('被评议单位'), dataIndex: 'unitName', key: 'unit' },
        { title: t('综合得分'), dataIndex: 'score', key: 'score', render: (v) => <strong>{score(v)}</strong> },
        { title: t('满意率'), dataIndex: 'satisfactionRate', key: 'rate', render: (v) => (v === null ? '—' : `${v}%`) },
        ...items.map((it) => ({ title: `${t(it.name)}（${it.weight}）`, key: `i${it.seq}`, render: (_: unknown, r: UnitResultView) => score(r.items.find((x) => x.seq === it.seq)?.score ?? null) })),
        { title: t('参评票数'), dataIndex: 'ballots', key: 'ballots' },
      ]} />
  );
}

export default function AppraisalDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { data: r, loading, error, reload } = useApiQuery<AppraisalDetail>(`${base}/${id}`);
  const tracking = r && (r.state === 'rectifying' || r.state === 'closed') && r.viewer !== 'member';
  const tracked = useApiQuery<{ items: Tracked[] }>(tracking ? '/api/recommendations' : null, { sourceType: 'appraisal', sourceId: id, pageSize: 200 });
  const [planOpen, setPlanOpen] = useState(false);
  const [visitOpen, setVisitOpen] = useState(false);
  const [tokensOpen, setTokensOpen] = useState(false);
  const [codes, setCodes] = useState<Array<{ label: string; code: string; url: string }> | null>(null);
  const [rectOpen, setRectOpen] = useState(false);
  const [planForm] = Form.useForm();
  const [visitForm] = Form.useForm();
  const [tokenForm] = Form.useForm();
  const [rectForm] = Form.useForm();
  const [reportForm] = Form.useForm();
  const voting = r?.state === 'voting' && r.viewer === 'staff';

  // while the vote runs the office's page follows the turnout
  useEffect(() => {
    if (!voting) return undefined;
    const timer = setInterval(reload, 4000);
    return () => clearInterval(timer);
  }, [voting, reload]);

  if (error && !r) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/appraisals')}>{t('返回列表')}</Button>} />;
  if (!r) return <PageCard loading={loading}><Skeleton active /></PageCard>;

  const fire = async (a: RecordAction, input: Record<string, unknown>) => {
    await api.post(`${base}/${r.id}/transitions`, { action: a.name, version: r.version, input });
    void message.success(t('已{label}', { label: t(a.label) }));
    reload();
  };
  const savePlan = async (v: { items: Array<{ name: string; weight: number }>; unitIds: string[]; leaderId?: string; memberIds?: string[] }) => {
    const group = [...(v.leaderId ? [{ userId: v.leaderId, duty: 'leader' }] : []), ...(v.memberIds ?? []).filter((m) => m !== v.leaderId).map((userId) => ({ userId, duty: 'member' }))];
    try {
      await api.patch(`${base}/${r.id}`, { version: r.version, items: v.items, unitIds: v.unitIds, group });
      setPlanOpen(false);
      reload();
    } catch (e) { if (!applyFormErrors(planForm, e)) report(e, { onReload: reload }); }
  };
  const addVisit = async (v: { unitId: string; visitedOn: Dayjs; note: string }) => {
    try {
      await api.post(`${base}/${r.id}/visits`, { ...v, visitedOn: v.visitedOn.format('YYYY-MM-DD') });
      setVisitOpen(false);
      visitForm.resetFields();
      reload();
    } catch (e) { if (!applyFormErrors(visitForm, e)) report(e); }
  };
  const issue = async (v: { count: number; label?: string }) => {
    try {
      const res = await api.post<{ codes: Array<{ label: string; code: string; url: string }> }>(`${base}/${r.id}/tokens`, v);
      setCodes(res.codes);
      reload();
    } catch (e) { if (!applyFormErrors(tokenForm, e)) report(e); }
  };
  const saveRect = async (v: { items: Array<{ unitId: string; text: string; dueWorkingDays: number }> }) => {
    try {
      await api.put(`${base}/${r.id}/rectifications`, { version: r.version, items: v.items });
      setRectOpen(false);
      reload();
    } catch (e) { if (!applyFormErrors(rectForm, e)) report(e, { onReload: reload }); }
  };
  const mine = r.departments.find((d) => d.canReport);
  const sendReport = async (v: { text: string }) => {
    try {
      await api.put(`${base}/${r.id}/self-report`, { version: mine!.version, text: v.text });
      void message.success(t('自查报告已提交'));
      reload();
    } catch (e) { if (!applyFormErrors(reportForm, e)) report(e, { onReload: reload }); }
  };
  const unitOptions = r.departments.map((d) => ({ value: d.unitId, label: d.unitName }));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard wrapTitle title={r.title} extra={<Tag color={r.stateTone}>{t(r.stateLabel)}</Tag>}>
        <LifecycleSteps progress={r.progress} />
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('被评议单位')}>{r.units.map((u) => u.unitName).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('评议范围')}>{t(r.scopeLabel)}</Descriptions.Item>
          {r.leadCommitteeName && <Descriptions.Item label={t('牵头专委会')}>{r.leadCommitteeName}</Descriptions.Item>}
          <Descriptions.Item label={t('评议会议日期')}>{formatDate(r.plannedOn)}</Descriptions.Item>
          {r.place && <Descriptions.Item label={t('会议地点')}>{r.place}</Descriptions.Item>}
          {r.selfReportDue && <Descriptions.Item label={t('自查报告截止日期')}>{formatDate(r.selfReportDue)}</Descriptions.Item>}
          {r.publishedOn && <Descriptions.Item label={t('结果公布日期')}>{formatDate(r.publishedOn)}</Descriptions.Item>}
        </Descriptions>
        {r.scopeNote && <p style={{ ...pre, marginTop: 8 }}>{r.scopeNote}</p>}
        {r.summary && <Alert type="success" showIcon message={t('办结说明：{s}', { s: r.summary })} style={{ marginTop: 12 }} />}
        {r.viewer === 'staff' && (
          <Space wrap style={{ marginTop: 16 }}>
            <WorkflowActions actions={r.actions} onFire={fire} onConflictReload={reload} />
            {r.abilities.edit && <Button onClick={() => { planForm.setFieldsValue({
              items: r.items.map((i) => ({ name: i.name, weight: i.weight })), unitIds: r.units.map((u) => u.unitId),
              leaderId: r.group.find((g) => g.duty === 'leader')?.userId, memberIds: r.group.filter((g) => g.duty !== 'leader').map((g) => g.userId),
            }); setPlanOpen(true); }}>{t('修改评议方案')}</Button>}
            {r.abilities.tokens && <Button onClick={() => { setCodes(null); tokenForm.resetFields(); setTokensOpen(true); }}>{t('生成代表测评码')}</Button>}
            {r.abilities.export && <Button icon={<DownloadOutlined />} href={`${base}/${r.id}/results.xlsx`}>{t('导出 Excel')}</Button>}
            {r.abilities.export && <Button icon={<DownloadOutlined />} href={`${base}/${r.id}/report.docx`}>{t('结果报告 Word')}</Button>}
          </Space>
        )}
      </PageCard>

      {r.viewer === 'member' && r.myVote && (
        <Card size="small" title={t('我的测评')}>
          {r.myVote.voted
            ? <Alert type="success" showIcon message={t('您已于 {t} 参加测评，感谢参与。', { t: formatDateTime(r.myVote.castAt!) })} />
            : r.myVote.canVote
              ? <Alert type="info" showIcon message={t('测评正在进行：请扫描会场的测评二维码，在手机上投票。每人一票，测评匿名。')} />
              : <Typography.Text type="secondary">{t('测评已经结束。')}</Typography.Text>}
        </Card>
      )}

      {voting && r.voteLink && (
        <Card size="small" title={t('现场测评')}>
          <Space size={32} wrap align="start">
            <div style={{ textAlign: 'center' }} data-vote-url={absolute(r.voteLink)}>
              <QRCode value={absolute(r.voteLink)} size={220} />
              <div><Typography.Text type="secondary">{t('委员扫码测评（需登录）')}</Typography.Text></div>
            </div>
            {r.turnout && (
              <Space size={24} wrap data-testid="appraisal-turnout">
                <Statistic title={t('已投票')} value={r.turnout.ballots} suffix={t('票')} />
                <Statistic title={t('委员')} value={r.turnout.members} />
                <Statistic title={t('特邀代表')} value={r.turnout.representatives} />
                <Statistic title={t('代表测评码已用')} value={`${r.turnout.tokensUsed} / ${r.turnout.tokensIssued}`} />
              </Space>
            )}
          </Space>
        </Card>
      )}
      {r.viewer === 'staff' && !voting && r.turnout && r.turnout.ballots > 0 && (
        <Card size="small" title={t('参评情况')}>
          <Space size={24} wrap data-testid="appraisal-turnout">
            <Statistic title={t('已投票')} value={r.turnout.ballots} suffix={t('票')} />
            <Statistic title={t('委员')} value={r.turnout.members} />
            <Statistic title={t('特邀代表')} value={r.turnout.representatives} />
          </Space>
        </Card>
      )}

      {r.results && (
        <Card size="small" title={r.state === 'voting' ? t('测评结果（实时，尚未公布）') : t('测评结果')}>
          <ResultsTable results={r.results} items={r.items} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('满意 {s} 分、基本满意 {b} 分、不满意 {d} 分；综合得分为各项目得分按权重的加权平均。测评匿名，不显示个人测评意见。', { s: r.choiceScores.satisfied, b: r.choiceScores.basic, d: r.choiceScores.dissatisfied })}
          </Typography.Paragraph>
        </Card>
      )}

      <Card size="small" title={t('测评项目与评议组')}>
        <Space wrap style={{ marginBottom: 8 }}>{r.items.map((i) => <Tag key={i.seq}>{t(i.name)} · {t('权重')} {i.weight}</Tag>)}</Space>
        {r.group.length > 0 && <div>{r.group.map((g) => `${g.name}（${t(g.dutyLabel)}）`).join('、')}</div>}
      </Card>

      <Card size="small" title={t('自查报告')}>
        <List dataSource={r.departments} renderItem={(d) => (
          <List.Item>
            <List.Item.Meta title={<Space>{d.unitName}{d.selfReportAt ? <Tag color="success">{t('已提交')}</Tag> : <Tag>{t('未提交')}</Tag>}</Space>}
              description={d.selfReport ? <><p style={pre}>{d.selfReport}</p><Typography.Text type="secondary">{d.selfReportBy} · {formatDateTime(d.selfReportAt!)}</Typography.Text></> : null} />
          </List.Item>
        )} />
        {mine && (
          <Form form={reportForm} layout="vertical" onFinish={sendReport} initialValues={{ text: mine.selfReport ?? '' }}>
            <Form.Item name="text" label={t('本单位自查报告')} rules={[{ required: true, min: 10 }]}><Input.TextArea rows={6} maxLength={20000} /></Form.Item>
            <Button type="primary" htmlType="submit">{mine.selfReport ? t('更新自查报告') : t('提交自查报告')}</Button>
          </Form>
        )}
      </Card>

      {(r.visits.length > 0 || r.abilities.visit) && (
        <Card size="small" title={t('走访调研')} extra={r.abilities.visit && <Button size="small" onClick={() => setVisitOpen(true)}>{t('记录走访')}</Button>}>
          <List dataSource={r.visits} locale={{ emptyText: t('暂无') }} renderItem={(v) => <List.Item><List.Item.Meta title={`${formatDate(v.visitedOn)} · ${v.unitName}`} description={<>{v.note}<br /><Typography.Text type="secondary">{v.recordedBy}</Typography.Text></>} /></List.Item>} />
        </Card>
      )}

      {(r.rectifications.length > 0 || r.abilities.rectify) && (
        <Card size="small" title={t('整改事项')} extra={r.abilities.rectify && <Button size="small" onClick={() => { rectForm.setFieldsValue({ items: r.rectifications.length ? r.rectifications.map((x) => ({ unitId: x.unitId, text: x.text, dueWorkingDays: x.dueWorkingDays })) : [{ unitId: r.units[0]?.unitId, dueWorkingDays: 20 }] }); setRectOpen(true); }}>{t('填写整改事项')}</Button>}>
          {tracking && tracked.data ? (
            <List dataSource={tracked.data.items} renderItem={(x) => (
              <List.Item extra={<Tag color={x.stateTone}>{t(x.stateLabel)}</Tag>}>
                <List.Item.Meta title={<Link to={`/recommendations/${x.id}`}>{x.text}</Link>} description={<Space wrap>{x.unitName}{x.dueDate && <span>{t('反馈期限')} {formatDate(x.dueDate)}</span>}{x.overdue && <Tag color="error">{t('超期')}</Tag>}</Space>} />
              </List.Item>
            )} />
          ) : (
            <List dataSource={r.rectifications} renderItem={(x) => <List.Item><List.Item.Meta title={x.text} description={`${x.unitName} · ${t('{n} 个工作日内反馈', { n: x.dueWorkingDays })}`} /></List.Item>} />
          )}
        </Card>
      )}

      {r.viewer === 'staff' && (
        <Card size="small" title={t('办理过程')}>
          <Timeline items={r.history.map((h) => ({ children: <div>{t(h.actionLabel)} → {t(h.toStateLabel)} · {h.actorName} · {formatDateTime(h.at)}{h.note && <div>{h.note}</div>}</div> }))} />
        </Card>
      )}

      <Modal open={planOpen} title={t('修改评议方案')} onCancel={() => setPlanOpen(false)} onOk={() => planForm.submit()} okText={t('保存')} width={mobile ? undefined : 640}>
        <Form form={planForm} layout="vertical" onFinish={savePlan}>
          <Form.Item name="unitIds" label={t('被评议单位')} rules={[{ required: true }]}><Select mode="multiple" options={unitOptions} /></Form.Item>
          <Form.Item name="leaderId" label={t('评议组组长')}><MemberSelect known={r.group} placeholder={t('按姓名搜索委员')} /></Form.Item>
          <Form.Item name="memberIds" label={t('评议组成员')}><MemberSelect multiple known={r.group} placeholder={t('按姓名搜索委员')} /></Form.Item>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}><Input placeholder={t('测评项目')} maxLength={40} /></Form.Item>
                    <Form.Item name={[f.name, 'weight']} rules={[{ required: true }]}><InputNumber min={1} max={100} placeholder={t('权重')} /></Form.Item>
                    <MinusCircleOutlined aria-label={t('删除')} onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ weight: 10 })}>{t('增加测评项目')}</Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
      <Modal open={visitOpen} title={t('记录走访')} onCancel={() => setVisitOpen(false)} onOk={() => visitForm.submit()} okText={t('保存')}>
        <Form form={visitForm} layout="vertical" onFinish={addVisit}>
          <Form.Item name="unitId" label={t('走访单位')} rules={[{ required: true }]}><Select options={unitOptions} /></Form.Item>
          <Form.Item name="visitedOn" label={t('走访日期')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="note" label={t('走访情况')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={4} maxLength={5000} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={tokensOpen} title={t('生成代表测评码')} onCancel={() => setTokensOpen(false)} footer={codes ? <Button onClick={() => window.print()}>{t('打印')}</Button> : undefined} onOk={() => tokenForm.submit()} okText={t('生成')} width={mobile ? undefined : 760}>
        {codes ? (
          <>
            <Alert type="warning" showIcon message={t('测评码只显示这一次，请立即打印后发给特邀代表；每个测评码只能投票一次。')} style={{ marginBottom: 12 }} />
            <Space wrap size={16}>
              {codes.map((c) => <div key={c.code} style={{ textAlign: 'center' }} data-token-url={absolute(c.url)}><QRCode value={absolute(c.url)} size={140} /><div>{c.label}</div></div>)}
            </Space>
          </>
        ) : (
          <Form form={tokenForm} layout="vertical" onFinish={issue} initialValues={{ count: 10, label: '特邀代表' }}>
            <Form.Item name="label" label={t('代表类别')} rules={[{ required: true }]}><Input maxLength={40} /></Form.Item>
            <Form.Item name="count" label={t('数量')} rules={[{ required: true }]}><InputNumber min={1} max={300} /></Form.Item>
          </Form>
        )}
      </Modal>
      <Modal open={rectOpen} title={t('填写整改事项')} onCancel={() => setRectOpen(false)} onOk={() => rectForm.submit()} okText={t('保存')} width={mobile ? undefined : 760}>
        <Form form={rectForm} layout="vertical" onFinish={saveRect}>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'unitId']} rules={[{ required: true }]}><Select style={{ width: 140 }} options={unitOptions} placeholder={t('整改单位')} /></Form.Item>
                    <Form.Item name={[f.name, 'text']} rules={[{ required: true, min: 2 }]}><Input style={{ width: mobile ? 240 : 380 }} placeholder={t('整改事项')} maxLength={2000} /></Form.Item>
                    <Form.Item name={[f.name, 'dueWorkingDays']} rules={[{ required: true }]}><InputNumber min={1} max={250} addonAfter={t('工作日')} /></Form.Item>
                    <MinusCircleOutlined aria-label={t('删除')} onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ unitId: r.units[0]?.unitId, dueWorkingDays: 20 })}>{t('增加整改事项')}</Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Space>
  );
}
