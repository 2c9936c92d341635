/** 参考选题 on the proposal form: the chosen topic, and a drawer with the year's 选题参考目录 to pick from. */
import { useMemo, useState } from 'react';
import { Button, Collapse, Drawer, Empty, Space, Tag, Typography } from 'antd';
import { BulbOutlined, CloseOutlined } from '@ant-design/icons';
import type { TopicItem, TopicList } from '../../contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';

/** The topics grouped by area, in the office's order. */
export function byArea(items: TopicItem[]): Array<[string, TopicItem[]]> {
  const m = new Map<string, TopicItem[]>();
  for (const x of items) m.set(x.area, [...(m.get(x.area) ?? []), x]);
  return [...m.entries()];
}

/** A form control: value is the cited topic's id (or null); `currentTitle` shows a topic no longer listed (withdrawn). */
export function TopicField({ value, onChange, id, currentTitle }: { value?: string | null; onChange?: (v: string | null) => void; id?: string; currentTitle?: string | null }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [open, setOpen] = useState(false);
  const { data, loading } = useApiQuery<TopicList>('/api/proposals/topics');
  const chosen = data?.items.find((x) => x.id === value);
  const groups = useMemo(() => byArea(data?.items ?? []), [data]);
  const title = chosen?.title ?? (value ? currentTitle : null);
  return (
    <div id={id}>
      <Space wrap>
        {title
          ? <Tag color="blue" closable closeIcon={<CloseOutlined aria-label={t('不引用选题')} />} onClose={(e) => { e.preventDefault(); onChange?.(null); }} style={{ whiteSpace: 'normal', padding: '2px 8px' }}>{title}</Tag>
          : <Typography.Text type="secondary">{t('未引用选题（可不选）')}</Typography.Text>}
        <Button icon={<BulbOutlined />} onClick={() => setOpen(true)} data-testid="topic-guide-open">{t('选题参考目录')}</Button>
      </Space>
      <Drawer open={open} onClose={() => setOpen(false)} title={data ? t('{year}年度选题参考目录', { year: data.year }) : t('选题参考目录')}
        size={mobile ? '100%' : 520} loading={loading}>
        <Typography.Paragraph type="secondary">{t('提案委发布的参考选题。选用后，提案将注明所参考的选题；也可以不选。')}</Typography.Paragraph>
        {data && data.items.length === 0 && <Empty description={t('本年度尚未发布选题参考目录')} />}
        <Collapse defaultActiveKey={groups.map(([area]) => area)} ghost items={groups.map(([area, items]) => ({
          key: area, label: <Space>{area}<Tag>{items.length}</Tag></Space>,
          children: items.map((x) => (
            <div key={x.id} style={{ padding: '8px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
              <Space style={{ width: '100%', justifyContent: 'space-between', alignItems: 'flex-start' }}>
                <Typography.Text strong>{x.title}</Typography.Text>
                {x.id === value
                  ? <Tag color="blue">{t('已选用')}</Tag>
                  : <Button size="small" type="primary" ghost onClick={() => { onChange?.(x.id); setOpen(false); }}>{t('选用')}</Button>}
              </Space>
              {x.description && <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{x.description}</Typography.Paragraph>}
              {x.suggestedUnits.length > 0 && <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('建议承办单位：')}{x.suggestedUnits.map((u) => u.name).join('、')}</Typography.Text>}
            </div>
          )),
        }))} />
      </Drawer>
    </div>
  );
}
