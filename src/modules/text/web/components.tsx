/** Components of the text module that other modules' pages embed: similar items while writing or reviewing, suggested units, highlighted text. */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Form, List, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { SimilarResponse, SuggestResponse } from '../contract.ts';
import { api } from '../../../kernel/web/api.ts';
import { useApiQuery } from '../../../kernel/web/hooks.ts';
import { useI18n } from '../../../kernel/web/i18n.tsx';

/** Where a record of each source opens in the web app. */
export const sourcePaths: Record<string, (refId: string) => string> = {
  proposal: (id) => `/proposals/${id}`,
  // a released reply (答复) is indexed under its proposal's id and opens the proposal
  reply: (id) => `/proposals/${id}`,
  report: (id) => `/opinions/${id}`,
};
export const linkOf = (source: string, refId: string) => sourcePaths[source]?.(refId);

/** Text with the matching words marked (segments come from the server; nothing is parsed as HTML). */
export function Highlighted({ segments }: { segments: Array<{ text: string; hit: boolean }> }) {
  return <>{segments.map((s, i) => (s.hit ? <mark key={i} style={{ background: '#fff1b8', padding: 0 }}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}

/** Debounced POST: the latest answer for the latest input; nothing while the text is too short. */
function useDebouncedPost<T>(url: string, body: Record<string, unknown> | null, delayMs: number) {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const seq = useRef(0);
  const key = body ? JSON.stringify(body) : '';
  useEffect(() => {
    if (!body) { setData(undefined); return; }
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      setLoading(true);
      api.post<T>(url, body).then(
        (d) => { if (mine === seq.current) { setData(d); setFailed(false); setLoading(false); } },
        () => { if (mine === seq.current) { setFailed(true); setLoading(false); } },
      );
    }, delayMs);
    return () => clearTimeout(timer);
  }, [url, key]);
  return { data, loading, failed };
}

/**
 * 相似件: the earlier items most similar to a text being written or reviewed, with a score, a 疑似重复 flag and the
 * shared keywords, so a person can judge. Drop it under a form (text = title + body) or on a detail page.
 */
export function SimilarItems({ text, source, excludeRefId, limit = 5, debounceMs = 600, minLength = 12, title }: {
  text: string; source?: string; excludeRefId?: string; limit?: number; debounceMs?: number; minLength?: number; title?: string;
}) {
  const { t } = useI18n();
  const body = text.trim().length >= minLength ? { text: text.trim().slice(0, 20000), limit: limit + (excludeRefId ? 1 : 0), ...(source ? { source } : {}) } : null;
  const { data, loading, failed } = useDebouncedPost<SimilarResponse>('/api/text/similar', body, debounceMs);
  if (!body) return null;
  const items = (data?.items ?? []).filter((i) => i.refId !== excludeRefId).slice(0, limit);
  return (
    <section aria-label={t(title ?? '相似件')} data-testid="similar-items">
      <Typography.Title level={5} style={{ marginTop: 0 }}>{t(title ?? '相似件')} {loading && <Spin size="small" />}</Typography.Title>
      {failed && <Alert type="warning" showIcon message={t('暂时无法查询相似件')} />}
      {data && items.length === 0 && <Typography.Text type="secondary">{t('未发现相似的已有事项')}</Typography.Text>}
      {items.length > 0 && (
        <List size="small" dataSource={items} renderItem={(i) => {
          const to = linkOf(i.source, i.refId);
          return (
            <List.Item key={i.id} extra={<Tooltip title={t('相似度')}><Tag color={i.duplicate ? 'red' : 'blue'}>{Math.round(i.score * 100)}%</Tag></Tooltip>}>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  {i.duplicate && <Tag color="red">{t('疑似重复')}</Tag>}
                  {to ? <Link to={to}>{i.title}</Link> : <span>{i.title}</span>}
                </Space>
                {i.sharedKeywords.length > 0 && (
                  <Space wrap size={2}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('共同关键词')}:</Typography.Text>
                    {i.sharedKeywords.slice(0, 8).map((k) => <Tag key={k} style={{ fontSize: 12, marginInlineEnd: 2 }}>{k}</Tag>)}
                  </Space>
                )}
              </Space>
            </List.Item>
          );
        }} />
      )}
    </section>
  );
}

/**
 * 智能交办: suggested lead units with confidence for a text; a person decides (`onPick` fills the unit field).
 * `nameOf` turns unit ids into names (the page already has the unit list).
 */
export function UnitSuggestions({ text, onPick, nameOf, limit = 3 }: {
  text: string; onPick?: (unitId: string) => void; nameOf?: (unitId: string) => string | undefined; limit?: number;
}) {
  const { t } = useI18n();
  const body = text.trim().length >= 4 ? { text: text.trim().slice(0, 20000), limit } : null;
  const { data, loading } = useDebouncedPost<SuggestResponse>('/api/text/suggest-units', body, 0);
  // without a name lookup from the page, the units of the tenant are read once
  const units = useApiQuery<{ items: Array<{ id: string; name: string }> }>(nameOf ? null : '/api/organizations/units');
  const name = (id: string) => nameOf?.(id) ?? units.data?.items.find((u) => u.id === id)?.name ?? id;
  if (!body) return null;
  return (
    <div data-testid="unit-suggestions" style={{ marginBottom: 12 }}>
      <Space wrap size={6}>
        <Typography.Text type="secondary">{t('建议承办单位')}:</Typography.Text>
        {loading && <Spin size="small" />}
        {data && data.suggestions.length === 0 && <Typography.Text type="secondary">{t('暂无建议（交办记录不足）')}</Typography.Text>}
        {data?.suggestions.map((s) => (
          <Tooltip key={s.unitId} title={s.basis === 'rule' ? `${t('关键词规则')}: ${s.matchedKeywords.join('、')}` : t('依据以往 {n} 件交办', { n: data.modelExamples })}>
            <Button size="small" onClick={onPick ? () => onPick(s.unitId) : undefined} disabled={!onPick}>
              {name(s.unitId)} <Tag style={{ marginInlineStart: 4, marginInlineEnd: 0 }} color={s.confidence >= 0.5 ? 'green' : 'default'}>{Math.round(s.confidence * 100)}%</Tag>
            </Button>
          </Tooltip>
        ))}
      </Space>
    </div>
  );
}

/**
 * UnitSuggestions inside an antd Form (e.g. the 交办 dialog): picking a suggestion fills the form's `field`
 * (by default `leadUnitId`); the person still confirms.
 */
export function UnitSuggestionsField({ text, field = 'leadUnitId', nameOf }: { text: string; field?: string; nameOf?: (unitId: string) => string | undefined }) {
  const form = Form.useFormInstance();
  return <UnitSuggestions text={text} nameOf={nameOf} onPick={(unitId) => { form.setFieldValue(field, unitId); void form.validateFields([field]).catch(() => undefined); }} />;
}
