/** Components of the text module that other modules' pages embed: similar items while writing or reviewing, suggested units, highlighted text. */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Form, List, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { MatterReason, SimilarResponse, SuggestResponse } from '../contract.ts';
import { api } from '../../../kernel/web/api.ts';
import { useApiQuery } from '../../../kernel/web/hooks.ts';
import { useI18n } from '../../../kernel/web/i18n.tsx';
import { sourceLabels } from '../contract.ts';

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
 * 相似件: the earlier items most similar to a text being written or reviewed, with a score, marked 疑似重复 (a copy),
 * 同一事项 (the same matter in other words, with the shared place, problem and demand) or 相似 (related), and the
 * shared keywords, so a person can judge. Drop it under a form (text = title + body) or on a detail page.
 */
export function SimilarItems({ text, source, record, limit = 5, debounceMs = 600, minLength = 12, title }: {
  /** `record`: the record the text is of; the server leaves it and the records merged with it (并案) out */
  text: string; source?: string; record?: { source: string; refId: string }; limit?: number; debounceMs?: number; minLength?: number;
  /** the heading (default 相似件); false inside a card that names it already, where only the spinner shows while loading */
  title?: string | false;
}) {
  const { t } = useI18n();
  const body = text.trim().length >= minLength ? { text: text.trim().slice(0, 20000), limit, ...(source ? { source } : {}), ...(record ? { record } : {}) } : null;
  const { data, loading, failed } = useDebouncedPost<SimilarResponse>('/api/text/similar', body, debounceMs);
  if (!body) return null;
  const items = data?.items ?? [];
  return (
    <section aria-label={t(title || '相似件')} data-testid="similar-items">
      {title === false
        ? loading && <div><Spin size="small" /></div>
        : <Typography.Title level={5} style={{ marginTop: 0 }}>{t(title ?? '相似件')} {loading && <Spin size="small" />}</Typography.Title>}
      {failed && <Alert type="warning" showIcon message={t('暂时无法查询相似件')} />}
      {data && items.length === 0 && <Typography.Text type="secondary">{t('未发现相似的已有事项')}</Typography.Text>}
      {items.length > 0 && (
        <List size="small" dataSource={items} renderItem={(i) => {
          const to = linkOf(i.source, i.refId);
          return (
            <List.Item key={i.id} data-kind={i.duplicate ? 'duplicate' : i.sameMatter ? 'same_matter' : 'related'}
              extra={<Tooltip title={t('相似度')}><Tag color={i.duplicate ? 'red' : i.sameMatter ? 'orange' : 'blue'}>{Math.round(i.score * 100)}%</Tag></Tooltip>}>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  {i.duplicate ? <Tag color="red">{t('疑似重复')}</Tag> : i.sameMatter ? <Tag color="orange">{t('同一事项')}</Tag> : <Tag>{t('相似')}</Tag>}
                  {!source && sourceLabels[i.source] && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(sourceLabels[i.source])}</Typography.Text>}
                  {to && i.actions.includes('open') ? <Link to={to}>{i.title}</Link> : <span>{i.title}</span>}
                  {i.restricted && <Typography.Text type="secondary" style={{ fontSize: 12 }}>（{t('无权打开')}）</Typography.Text>}
                </Space>
                {(i.sameMatter || i.duplicate) && <MatterReasonLine reason={i.matter} />}
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

/** Why two items are one matter (同一事项): the place, problem, demand and objects they share, in one line. */
export function MatterReasonLine({ reason }: { reason: MatterReason }) {
  const { t } = useI18n();
  const parts: Array<[string, string[]]> = [
    ['共同地点', [...reason.places, ...reason.districts].slice(0, 4)], ['共同问题', reason.problems], ['共同诉求', reason.demands], ['共同对象', reason.objects],
  ];
  const shown = parts.filter(([, xs]) => xs.length > 0);
  if (!shown.length) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="matter-reason">
      {shown.map(([label, xs]) => `${t(label)}：${xs.map((x) => t(x)).join('、')}`).join('；')}
    </Typography.Text>
  );
}

/**
 * 智能交办: suggested lead units with confidence for a text; a person decides (`onPick` fills the unit field).
 * `nameOf` turns unit ids into names (the page already has the unit list).
 */
export function UnitSuggestions({ text, record, onPick, nameOf, limit = 3 }: {
  /** `record`: the record being assigned (it and its 并案 group do not count among the similar records) */
  text: string; record?: { source: string; refId: string }; onPick?: (unitId: string) => void; nameOf?: (unitId: string) => string | undefined; limit?: number;
}) {
  const { t } = useI18n();
  const body = text.trim().length >= 4 ? { text: text.trim().slice(0, 20000), limit, ...(record ? { record } : {}) } : null;
  const { data, loading } = useDebouncedPost<SuggestResponse>('/api/text/suggest-units', body, 0);
  // without a name lookup from the page, the units of the tenant are read once
  const units = useApiQuery<{ items: Array<{ id: string; name: string }> }>(nameOf ? null : '/api/organizations/units');
  const name = (id: string) => nameOf?.(id) ?? units.data?.items.find((u) => u.id === id)?.name ?? id;
  if (!body) return null;
  const why = (s: SuggestResponse['suggestions'][number]) => s.basis === 'rule'
    ? `${t('关键词规则')}: ${s.matchedKeywords.join('、')}`
    : s.reasons ? reasonText(s.reasons) : t('依据以往 {n} 件交办', { n: data?.modelExamples ?? 0 });
  const reasonText = (r: NonNullable<SuggestResponse['suggestions'][number]['reasons']>) => [
    r.named ? t('建议部分点名由该单位办理') : '',
    r.terms.length ? t('关键词语：{terms}', { terms: r.terms.map((w) => `「${w}」`).join('') }) : '',
    r.similar ? t('最相近的 {n} 件已交办事项中 {m} 件交由该单位', { n: r.similar, m: r.similarToUnit }) : '',
    t('该单位以往承办 {n} 件', { n: r.unitTotal }),
  ].filter(Boolean).join('；');
  const first = data?.suggestions[0];
  return (
    <div data-testid="unit-suggestions" style={{ marginBottom: 12 }}>
      <Space wrap size={6}>
        <Typography.Text type="secondary">{t('建议承办单位')}:</Typography.Text>
        {loading && <Spin size="small" />}
        {data && data.suggestions.length === 0 && <Typography.Text type="secondary">{t('暂无建议（交办记录不足）')}</Typography.Text>}
        {data?.suggestions.map((s) => (
          <Tooltip key={s.unitId} title={why(s)}>
            <Button size="small" onClick={onPick ? () => onPick(s.unitId) : undefined} disabled={!onPick}>
              {name(s.unitId)} <Tag style={{ marginInlineStart: 4, marginInlineEnd: 0 }} color={s.confidence >= 0.5 ? 'green' : 'default'}>{Math.round(s.confidence * 100)}%</Tag>
            </Button>
          </Tooltip>
        ))}
      </Space>
      {first && (first.reasons || first.basis === 'rule') && (
        <Typography.Paragraph type="secondary" data-testid="unit-suggestion-reason" style={{ fontSize: 12, margin: '4px 0 0' }}>
          {t('推荐「{unit}」的理由', { unit: name(first.unitId) })}：{why(first)}
        </Typography.Paragraph>
      )}
    </div>
  );
}

/**
 * UnitSuggestions inside an antd Form (e.g. the 交办 dialog): picking a suggestion fills the form's `field`
 * (by default `leadUnitId`); the person still confirms.
 */
export function UnitSuggestionsField({ text, record, field = 'leadUnitId', nameOf }: { text: string; record?: { source: string; refId: string }; field?: string; nameOf?: (unitId: string) => string | undefined }) {
  const form = Form.useFormInstance();
  return <UnitSuggestions text={text} record={record} nameOf={nameOf} onPick={(unitId) => { form.setFieldValue(field, unitId); void form.validateFields([field]).catch(() => undefined); }} />;
}
