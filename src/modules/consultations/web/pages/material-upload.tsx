/**
 * 附件 of a 协商选题: files uploaded to the attachments module while the topic is written (the form's value is their ids,
 * which the topic names as `attachmentIds`), and the list of a topic's files on its page.
 */
import { useState } from 'react';
import { Button, List, Space, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { api } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useReportError } from '../../../../kernel/web/hooks.ts';

interface Uploaded { id: string; filename: string }

export function MaterialUpload({ value, onChange }: { value?: string[]; onChange?: (ids: string[]) => void }) {
  const { t } = useI18n();
  const report = useReportError();
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setBusy(true);
    try {
      const body = new FormData();
      body.append('file', file, file.name);
      const a = await api.post<Uploaded>('/api/attachments', body);
      setFiles((f) => [...f, { id: a.id, filename: a.filename }]);
      onChange?.([...(value ?? []), a.id]);
    } catch (e) { report(e); } finally { setBusy(false); }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload showUploadList={false} multiple beforeUpload={(f) => { void upload(f); return false; }}>
        <Button icon={<UploadOutlined />} loading={busy} data-testid="topic-material-upload">{t('上传附件')}</Button>
      </Upload>
      {files.length > 0 && <List size="small" dataSource={files} renderItem={(f) => <List.Item><Typography.Text><PaperClipOutlined /> {f.filename}</Typography.Text></List.Item>} />}
    </Space>
  );
}

/** Files of a record, each a download link. */
export function MaterialList({ items }: { items: Uploaded[] }) {
  return (
    <List size="small" dataSource={items} data-testid="topic-materials"
      renderItem={(f) => <List.Item><a href={`/api/attachments/${f.id}`} target="_blank" rel="noreferrer"><PaperClipOutlined /> {f.filename}</a></List.Item>} />
  );
}

/** The files attached to one record (GET /api/attachments), for those who may see it. */
export function useMaterials(entityType: string, entityId: string) {
  return useApiQuery<{ items: Uploaded[] }>('/api/attachments', { entityType, entityId }).data?.items ?? [];
}
