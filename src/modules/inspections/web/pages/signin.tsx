/**
 * 扫码签到: the page the trip's QR code opens on a member's phone. Signed in already (the layout asks to sign in first),
 * the member is signed in to the trip with the code in the link; a second scan says they already are.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Result, Spin } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { formatDateTime } from '../../../../kernel/web/components.tsx';
import { API } from './shared.tsx';

export default function InspectionSignInPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [state, setState] = useState<{ ok: true; title: string; at: string } | { ok: false; message: string } | null>(null);
  const sent = useRef(false);
  useEffect(() => {
    // one request per opening, even when React runs the effect twice
    if (sent.current) return;
    sent.current = true;
    api.post<{ title: string; signedInAt: string }>(`${API}/${id}/signin`, { token: params.get('t') ?? '' })
      .then((r) => setState({ ok: true, title: r.title, at: r.signedInAt }))
      .catch((e: unknown) => setState({ ok: false, message: e instanceof ApiError ? e.message : String(e) }));
  }, [id, params]);
  const back = <Button type="primary" size="large" onClick={() => navigate(`/inspections/${id}`)}>{t('返回调研视察')}</Button>;
  if (!state) return <Result icon={<Spin size="large" />} title={t('正在签到…')} />;
  return state.ok
    ? <Result status="success" title={t('签到成功')} subTitle={<>{state.title}<br />{t('签到时间：{t}', { t: formatDateTime(state.at) })}</>} extra={back} />
    : <Result status="warning" title={t('签到未成功')} subTitle={state.message} extra={back} />;
}
