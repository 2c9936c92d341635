/** 相似件查询 for staff: paste or type a text and see the most similar earlier items and the suggested handling units. */
import { useState } from 'react';
import { Col, Input, Row, Typography } from 'antd';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { PageCard } from '../../../../kernel/web/components.tsx';
import { SimilarItems, UnitSuggestions } from '../components.tsx';

export default function SimilarPage() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  return (
    <PageCard title={t('相似件查询')}>
      <Typography.Paragraph type="secondary">{t('输入或粘贴一件提案、社情民意的标题和正文，查看以往相似的事项和建议的承办单位。')}</Typography.Paragraph>
      <Row gutter={24}>
        <Col xs={24} lg={12}>
          <Input.TextArea aria-label={t('文本')} rows={12} value={text} onChange={(e) => setText(e.target.value)} maxLength={20000} placeholder={t('标题和正文')} />
        </Col>
        <Col xs={24} lg={12}>
          <UnitSuggestions text={text} />
          <SimilarItems text={text} limit={10} />
        </Col>
      </Row>
    </PageCard>
  );
}
