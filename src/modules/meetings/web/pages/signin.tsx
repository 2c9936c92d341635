/**
 * 扫码签到: the page a session's QR code opens on a member's phone (signed in already: the layout asks first). It signs
 * the member in with the code in the link, once; the server's refusal (too early, too late, twice, not invited) is shown.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Result, Spin } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { formatDateTime } from '../../../../kernel/web/components.tsx';

export default function MeetingSignInPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [state, setState] = useState<{ ok: true; title: string; session: string; at: string } | { ok: false; message: string } | null>(null);
  const sent = useRef(false);
  const run = () => {
    setState(null);
    api.post<{ title: string; session: string; signedInAt: string }>(`/api/meetings/${id}/sessions/${params.get('s') ?? ''}/signin`, { token: params.get('t') ?? '' })
      .then((r) => setState({ ok: true, title: r.title, session: r.session, at: r.signedInAt }))
      .catch((e: unknown) => setState({ ok: false, message: e instanceof ApiError ? e.message : String(e) }));
  };
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    run();
  });
  const back = <Button type="primary" size="large" onClick={() => navigate(`/meetings/${id}`)}>{t('查看会议')}</Button>;
  if (!state) return <Result icon={<Spin size="large" />} title={t('正在签到…')} />;
  return state.ok
    ? <Result status="success" title={t('签到成功')} subTitle={<>{state.title} · {state.session}<br />{t('签到时间：{t}', { t: formatDateTime(state.at) })}</>} extra={back} />
    : <Result status="warning" title={t('签到未成功')} subTitle={state.message} extra={[<Button key="again" size="large" onClick={run}>{t('重新签到')}</Button>, back]} />;
}
