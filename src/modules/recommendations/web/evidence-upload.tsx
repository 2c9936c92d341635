/**
 * 佐证材料: files uploaded to the attachments module before the reply is sent; the form's value is their ids, which
 * the reply names (`attachmentIds`), so the files are linked to the recommendation in the reply's transaction.
 */
import { useState } from 'react';
import { Button, List, Space, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { api } from '../../../kernel/web/api.ts';
import { useI18n } from '../../../kernel/web/i18n.tsx';
import { useReportError } from '../../../kernel/web/hooks.ts';

interface Uploaded { id: string; filename: string }

export function EvidenceUpload({ value, onChange, label = '上传佐证材料' }: { value?: string[]; onChange?: (ids: string[]) => void; label?: string }) {
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
      const next = [...files, { id: a.id, filename: a.filename }];
      setFiles(next);
      onChange?.([...(value ?? []), a.id]);
    } catch (e) { report(e); } finally { setBusy(false); }
    return false;
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload showUploadList={false} multiple beforeUpload={(f) => { void upload(f); return false; }}>
        <Button icon={<UploadOutlined />} loading={busy} data-testid="evidence-upload">{t(label)}</Button>
      </Upload>
      {files.length > 0 && (
        <List size="small" dataSource={files} renderItem={(f) => <List.Item><Typography.Text><PaperClipOutlined /> {f.filename}</Typography.Text></List.Item>} />
      )}
    </Space>
  );
}
