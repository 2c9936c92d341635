/** What a module contributes to the web app: menu entries, pages, header widgets and English translations. */
import type { ComponentType, ReactNode } from 'react';

export interface WebMenuItem {
  key: string;
  /** Chinese label (translated with t()) */
  label: string;
  icon?: ReactNode;
  path: string;
  /** shown only when the user holds this permission; omitted = every signed-in user */
  permission?: string;
  /** menu group key (e.g. 'admin'); the web root defines the group labels */
  group?: string;
  order?: number;
}

export interface WebRoute {
  path: string;
  element: ReactNode;
  /** without it the page answers 无权访问 */
  permission?: string;
  /** breadcrumb text for pages that are not menu entries (e.g. 提案详情) */
  crumb?: string;
}

export interface WebModule {
  name: string;
  menu?: WebMenuItem[];
  /** pages inside the signed-in layout */
  routes?: WebRoute[];
  /** pages outside the layout that work without a session (login, enrolment) */
  publicRoutes?: WebRoute[];
  /** small components shown in the header (e.g. the notification bell) */
  headerWidgets?: ComponentType[];
  /** notices shown above every page after sign-in (each decides for whom, e.g. a missing holiday schedule) */
  banners?: ComponentType[];
  /** English translations keyed by the Chinese text */
  messages?: Record<string, string>;
}
