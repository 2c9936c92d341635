/**
 * Shared hooks: loading data from the API, phone detection (core-hooks.ts, re-exported here), and reporting errors to
 * the user in Chinese, which needs antd's App (message, modal) and so loads with the pages, not with the login page.
 */
import { useCallback } from 'react';
import { App } from 'antd';
import { ApiError } from './api.ts';
import { t } from './i18n.tsx';

export { useApiQuery, useIsMobile, usePrefersReducedMotion, type QueryState } from './core-hooks.ts';

/**
 * Shows an API error the way users understand it: a version conflict offers to reload the record,
 * everything else shows the server's Chinese message.
 */
export function useReportError(): (err: unknown, opts?: { onReload?: () => void }) => void {
  const { message, modal } = App.useApp();
  return useCallback((err: unknown, opts: { onReload?: () => void } = {}) => {
    if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
      modal.confirm({
        title: t('已被他人修改'),
        content: t('这条记录在您编辑期间已被他人修改。重新加载后可以看到最新内容，再重新操作。'),
        okText: t('重新加载'),
        cancelText: t('取消'),
        onOk: () => (opts.onReload ? opts.onReload() : window.location.reload()),
      });
      return;
    }
    const text = err instanceof ApiError ? err.message : err instanceof Error ? err.message : String(err);
    void message.error(text);
  }, [message, modal]);
}
