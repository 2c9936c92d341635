/**
 * 扫码签到: the page the activity's QR code opens on a member's phone. It asks the phone for its position (when the
 * phone gives none, the server says the activity needs it, or signs in without it when the activity has no place) and
 * signs the member in with the code in the link; the server's refusal (too early, too late, too far, twice) is shown.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Result, Spin } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { formatDateTime } from '../../../../kernel/web/components.tsx';

/** The phone's position, or null when it has none or the member refuses (within a few seconds). */
function position(): Promise<{ lat: number; lng: number } | null> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition((p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }), () => resolve(null), { enableHighAccuracy: true, timeout: 8000, maximumAge: 60_000 });
  });
}

export default function ActivitySignInPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [state, setState] = useState<{ ok: true; title: string; at: string; distanceM: number | null } | { ok: false; message: string } | null>(null);
  const sent = useRef(false);
  const run = () => {
    setState(null);
    void position().then((at) => api.post<{ title: string; signedInAt: string; distanceM: number | null }>(`/api/activities/${id}/signin`, { token: params.get('t') ?? '', ...(at ?? {}) }))
      .then((r) => setState({ ok: true, title: r.title, at: r.signedInAt, distanceM: r.distanceM }))
      .catch((e: unknown) => setState({ ok: false, message: e instanceof ApiError ? e.message : String(e) }));
  };
  useEffect(() => {
    // one request per opening, even when React runs the effect twice
    if (sent.current) return;
    sent.current = true;
    run();
  });
  const back = <Button type="primary" size="large" onClick={() => navigate(`/activities/${id}`)}>{t('查看活动')}</Button>;
  if (!state) return <Result icon={<Spin size="large" />} title={t('正在签到…')} subTitle={t('正在获取您的位置')} />;
  return state.ok
    ? <Result status="success" title={t('签到成功')} subTitle={<>{state.title}<br />{t('签到时间：{t}', { t: formatDateTime(state.at) })}{state.distanceM !== null && <><br />{t('距活动地点 {m} 米', { m: state.distanceM })}</>}</>} extra={back} />
    : <Result status="warning" title={t('签到未成功')} subTitle={state.message} extra={[<Button key="again" size="large" onClick={run}>{t('重新签到')}</Button>, back]} />;
}
