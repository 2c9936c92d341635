/**
 * Photos and scans of a member's submission: each file uploaded to the attachments module as it is chosen; the form's
 * value is their ids (the submission names them as `attachmentIds`).
 */
import { useState } from 'react';
import { Button, List, Space, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { api } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useReportError } from '../../../../kernel/web/hooks.ts';

interface Uploaded { id: string; filename: string }

export function PhotoUpload({ value, onChange }: { value?: string[]; onChange?: (ids: string[]) => void }) {
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
      <Upload showUploadList={false} multiple accept="image/*,application/pdf" beforeUpload={(f) => { void upload(f); return false; }}>
        <Button icon={<UploadOutlined />} loading={busy}>{t('上传照片或扫描件')}</Button>
      </Upload>
      {files.length > 0 && <List size="small" dataSource={files} renderItem={(f) => <List.Item><Typography.Text><PaperClipOutlined /> {f.filename}</Typography.Text></List.Item>} />}
    </Space>
  );
}
