/**
 * antd's App around the pages: it holds the message, notification and modal instances that pages take from
 * App.useApp() (and useReportError). It wraps the signed-in layout and the public pages that show messages; the login
 * page needs none, so its code is not part of what the login page loads (decision 0030).
 */
import type { ReactNode } from 'react';
import { App } from 'antd';

export function AppContext({ children }: { children: ReactNode }) {
  return <App>{children}</App>;
}
