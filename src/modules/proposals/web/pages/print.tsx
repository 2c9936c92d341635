/** 提案表 print page: the proposal laid out like the paper form; printing hides the application's menu, header and footer. */
import type { ReactNode } from 'react';
import { Button, Result, Skeleton, Space } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import type { ProposalForm } from '../../contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { formatDate } from '../../../../kernel/web/components.tsx';

/** Only while this page is shown: the form's look on screen and on paper (A4, the app's chrome hidden). */
const css = `
.zx-form-sheet { background: #fff; max-width: 820px; margin: 0 auto; padding: 32px 40px; box-shadow: 0 1px 4px rgba(0,0,0,.08); color: #000;
  font-family: "FangSong", "STFangsong", "仿宋", "Songti SC", "SimSun", serif; }
.zx-form-sheet h1 { font-family: "SimHei", "黑体", "PingFang SC", sans-serif; font-size: 28px; letter-spacing: .5em; text-align: center; margin: 4px 0 16px; font-weight: 600; }
.zx-form-sheet .zx-form-org { text-align: center; font-size: 17px; }
.zx-form-sheet .zx-form-session { text-align: center; font-size: 15px; }
.zx-form-sheet table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 15px; }
.zx-form-sheet th, .zx-form-sheet td { border: 1px solid #000; padding: 8px 10px; vertical-align: middle; word-break: break-word; }
.zx-form-sheet th { width: 6.5em; font-family: "SimHei", "黑体", "PingFang SC", sans-serif; font-weight: 600; text-align: center; }
.zx-form-sheet td.zx-form-block { padding: 10px 14px; }
.zx-form-sheet .zx-form-block h2 { font-family: "SimHei", "黑体", "PingFang SC", sans-serif; font-size: 15px; margin: 0 0 6px; font-weight: 600; }
.zx-form-sheet .zx-form-block p { text-indent: 2em; margin: 0 0 6px; line-height: 1.8; white-space: pre-wrap; }
.zx-form-muted { color: #666; }
@media (max-width: 767px) { .zx-form-sheet { padding: 16px 10px; } .zx-form-sheet th { width: 5em; padding: 6px; } .zx-form-sheet td { padding: 6px 8px; } .zx-form-sheet h1 { font-size: 22px; } }
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  .ant-layout-sider, .ant-layout-header, .ant-layout-footer, .ant-breadcrumb, .zx-no-print, .ant-drawer, .ant-float-btn { display: none !important; }
  .ant-layout, .ant-layout-content { background: #fff !important; padding: 0 !important; margin: 0 !important; }
  .zx-form-sheet { box-shadow: none; padding: 0; max-width: none; }
  .zx-form-sheet tr { break-inside: avoid; }
}
`;

export default function ProposalPrintPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const { data: f, error } = useApiQuery<ProposalForm>(`/api/proposals/${id}/form`);
  if (error) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/proposals')}>{t('返回列表')}</Button>} />;
  if (!f) return <Skeleton active />;

  const units = f.units.length ? f.units.map((u) => (f.units.length > 1 ? `${u.name}（${t(u.roleLabel)}）` : u.name)).join('、') : null;
  const cell = (v: ReactNode, span?: number) => <td colSpan={span}>{v || <span className="zx-form-muted">—</span>}</td>;
  // two label–value pairs per row on paper and wide screens; one per row on phones
  const pairs = (a: [string, ReactNode], b: [string, ReactNode]) => mobile
    ? <>{[a, b].map(([l, v]) => <tr key={l}><th>{l}</th>{cell(v)}</tr>)}</>
    : <tr><th>{a[0]}</th>{cell(a[1])}<th>{b[0]}</th>{cell(b[1])}</tr>;
  const span = mobile ? 1 : 3;
  const block = (title: string, text: string) => (
    <tr><td className="zx-form-block" colSpan={mobile ? 2 : 4}>
      <h2>{title}</h2>
      {text.trim() ? text.split(/\n+/).filter((x) => x.trim()).map((x, i) => <p key={i}>{x.trim()}</p>) : <p className="zx-form-muted">{t('（未填写）')}</p>}
    </td></tr>
  );

  return (
    <>
      <style>{css}</style>
      <Space wrap className="zx-no-print" style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/proposals/${f.id}`)}>{t('返回提案')}</Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>{t('打印')}</Button>
        <Button icon={<DownloadOutlined />} href={`/api/proposals/${f.id}/form.docx`}>{t('下载 Word')}</Button>
      </Space>
      <article className="zx-form-sheet" data-testid="proposal-form-sheet">
        <div className="zx-form-org">{f.organisationName}</div>
        <div className="zx-form-session">{f.sessionLabel}{f.categoryLabel ? ` · ${t(f.categoryLabel)}` : ''}</div>
        <h1>{t('提案表')}</h1>
        <table>
          <tbody>
            {pairs([t('编号'), f.number ?? t('（未立案）')], [t('提案类型'), t(f.typeLabel)])}
            <tr><th>{t('案由')}</th>{cell(<strong>{f.title}</strong>, span)}</tr>
            {pairs([t('提案人'), f.proposerName], [t('界别'), f.sectorName])}
            {pairs([t('联系方式'), f.contact ?? <span className="zx-form-muted">{t('（不公开）')}</span>], [t('提交时间'), formatDate(f.submittedAt)])}
            <tr><th>{t('附议人')}</th>{cell(f.cosignerNames.join('、') || t('无'), span)}</tr>
            {f.topicTitle && <tr><th>{t('参考选题')}</th>{cell(f.topicTitle, span)}</tr>}
            {block(t('一、背景情况'), f.background)}
            {block(t('二、问题分析'), f.analysis)}
            {block(t('三、具体建议'), f.suggestions)}
            <tr><th>{t('办理单位')}</th>{cell(units ? `${units}${f.handlingModeLabel ? `　[${t(f.handlingModeLabel)}]` : ''}` : t('（待交办）'), span)}</tr>
            {pairs([t('答复类别'), f.replyClassLabel], [t('是否公开'), f.isPublic ? t('同意公开') : t('不公开')])}
          </tbody>
        </table>
      </article>
    </>
  );
}
