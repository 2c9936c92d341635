/**
 * The reception plan's form (新建 and 修改): the plan's head, then its lists (guests, programme, rooms, meals, budget
 * lines), each a list of rows that stack on a phone. Used by the list page (新建) and the detail page (修改).
 */
import { Button, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReceptionBody } from '../../contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';

type Col_ = { name: string; label: string; kind?: 'text' | 'number' | 'date' | 'meal'; required?: boolean; span: number };
const LISTS: Array<{ name: keyof ReceptionBody; label: string; cols: Col_[]; blank: Record<string, unknown> }> = [
  { name: 'guests', label: '来宾', blank: { count: 1 }, cols: [{ name: 'name', label: '姓名', required: true, span: 6 }, { name: 'unit', label: '单位', required: true, span: 7 }, { name: 'title', label: '职务', span: 6 }, { name: 'count', label: '人数', kind: 'number', span: 3 }] },
  { name: 'programme', label: '日程安排', blank: {}, cols: [{ name: 'time', label: '时间', required: true, span: 5 }, { name: 'place', label: '地点', required: true, span: 7 }, { name: 'content', label: '内容', required: true, span: 10 }] },
  { name: 'rooms', label: '住宿安排', blank: { nights: 1 }, cols: [{ name: 'hotel', label: '酒店', required: true, span: 7 }, { name: 'room', label: '房型', span: 5 }, { name: 'guest', label: '入住人', span: 7 }, { name: 'nights', label: '晚数', kind: 'number', span: 3 }] },
  { name: 'meals', label: '用餐安排', blank: { meal: '工作餐' }, cols: [{ name: 'date', label: '日期', kind: 'date', required: true, span: 5 }, { name: 'meal', label: '餐次', kind: 'meal', required: true, span: 4 }, { name: 'place', label: '地点', required: true, span: 6 }, { name: 'people', label: '人数', kind: 'number', required: true, span: 3 }, { name: 'standard', label: '标准', span: 4 }] },
  { name: 'budget', label: '经费预算', blank: {}, cols: [{ name: 'item', label: '项目', required: true, span: 10 }, { name: 'amount', label: '预算（元）', kind: 'number', required: true, span: 6 }, { name: 'actual', label: '实际（元）', kind: 'number', span: 6 }] },
];

/** The form's values → the API's body (dates as text). */
export function toReceptionBody(v: Record<string, any>): ReceptionBody {
  return {
    ...v, startDate: (v.span?.[0] as Dayjs)?.format('YYYY-MM-DD'), endDate: (v.span?.[1] as Dayjs)?.format('YYYY-MM-DD'),
    meals: (v.meals ?? []).map((m: any) => ({ ...m, date: dayjs.isDayjs(m.date) ? m.date.format('YYYY-MM-DD') : m.date })),
    budget: (v.budget ?? []).map((b: any) => ({ ...b, actual: b.actual ?? null })),
    span: undefined,
  } as unknown as ReceptionBody;
}
/** A reception → the form's values. */
export function toReceptionForm(r: ReceptionBody): Record<string, unknown> {
  return { ...r, span: [dayjs(r.startDate), dayjs(r.endDate)], meals: r.meals.map((m) => ({ ...m, date: dayjs(m.date) })) };
}

export function ReceptionForm({ form, onFinish, mobile, approved }: { form: FormInstance; onFinish: (v: Record<string, any>) => void; mobile: boolean; approved?: boolean }) {
  const { t } = useI18n();
  const input = (c: Col_) => c.kind === 'number' ? <InputNumber min={0} style={{ width: '100%' }} disabled={approved && c.name !== 'actual'} />
    : c.kind === 'date' ? <DatePicker style={{ width: '100%' }} disabled={approved} />
      : c.kind === 'meal' ? <Select disabled={approved} options={['早餐', '午餐', '晚餐', '工作餐'].map((m) => ({ value: m, label: t(m) }))} />
        : <Input disabled={approved} />;
  return (
    <Form form={form} layout="vertical" onFinish={onFinish}>
      <Row gutter={12}>
        <Col xs={24} md={12}><Form.Item name="title" label={t('接待名称')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} disabled={approved} /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="guestUnit" label={t('来访单位')} rules={[{ required: true }]}><Input maxLength={200} disabled={approved} /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="span" label={t('接待日期')} rules={[{ required: true }]}><DatePicker.RangePicker style={{ width: '100%' }} disabled={approved} /></Form.Item></Col>
      </Row>
      {LISTS.map((l) => (
        <div key={l.name}>
          <Divider titlePlacement="start" plain style={{ margin: '8px 0' }}>{t(l.label)}</Divider>
          <Form.List name={l.name}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row key={f.key} gutter={8} align="bottom" style={mobile ? { borderBottom: '1px dashed #eee', marginBottom: 8 } : undefined}>
                    {l.cols.map((c) => (
                      <Col key={c.name} xs={24} md={c.span}>
                        <Form.Item name={[f.name, c.name]} label={t(c.label)} rules={c.required ? [{ required: true }] : []} style={{ marginBottom: 8 }}>{input(c)}</Form.Item>
                      </Col>
                    ))}
                    {!approved && <Col xs={24} md={2}><Button danger type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('删除')} style={{ marginBottom: 8 }} /></Col>}
                  </Row>
                ))}
                {!approved && <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(l.blank)} block>{t('添加{what}', { what: t(l.label) })}</Button>}
              </>
            )}
          </Form.List>
        </div>
      ))}
    </Form>
  );
}
