/**
 * 显示签到码: a button that opens the record's sign-in link as a QR code (decision 0059). The link comes from the
 * module's `signin-code` route (`{ url }`, a path on this site, plus whatever the module adds, such as the window);
 * members open it on their phones while signed in. The hint under the code is the module's (already translated).
 */
import { Button, Modal, QRCode, Skeleton, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useApiQuery } from './hooks.ts';
import { useI18n } from './i18n.tsx';

export interface SignInQrProps<T extends { url: string }> {
  /** the route answering the code, e.g. `/api/activities/<id>/signin-code` */
  codeApi: string;
  /** the line under the code: fixed, or made from what the route answered (shown once it has) */
  hint: ReactNode | ((code: T) => ReactNode);
  /** the button's label (default 显示签到码) */
  label?: string;
}

export function SignInQr<T extends { url: string }>({ codeApi, hint, label }: SignInQrProps<T>) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const code = useApiQuery<T>(open ? codeApi : null);
  const url = code.data ? `${window.location.origin}${code.data.url}` : '';
  return (
    <>
      <Button onClick={() => setOpen(true)}>{label ?? t('显示签到码')}</Button>
      <Modal open={open} title={t('签到码')} footer={null} onCancel={() => setOpen(false)} destroyOnHidden>
        <Space direction="vertical" align="center" style={{ width: '100%' }}>
          {url ? <QRCode value={url} size={240} /> : <Skeleton.Image active />}
          {typeof hint !== 'function' ? <Typography.Text type="secondary">{hint}</Typography.Text>
            : code.data && <Typography.Text type="secondary">{hint(code.data)}</Typography.Text>}
          {url && <Typography.Text copyable={{ text: url }} style={{ wordBreak: 'break-all' }} data-signin-url={url}>{code.data!.url}</Typography.Text>}
        </Space>
      </Modal>
    </>
  );
}
