/** What a module contributes to the web app: menu entries, pages, header widgets and English translations. */
import type { ComponentType, ReactNode } from 'react';
import type { MessagesSource } from './i18n.tsx';
import type { RecordPanel } from './record-panels.tsx';

/**
 * The permission a menu entry or page needs: one code, or several of which any one will do (a module open to its
 * submitters, editors and leaders alike); omitted = every signed-in user.
 */
export type NeededPermission = string | readonly string[];

/** May someone holding `granted` (the permissions `/api/auth/me` reports) open what needs `needed`? */
export function mayOpen(needed: NeededPermission | undefined, granted: readonly string[]): boolean {
  if (needed === undefined) return true;
  if (granted.includes('*')) return true;
  return typeof needed === 'string' ? granted.includes(needed) : needed.some((p) => granted.includes(p));
}

export interface WebMenuItem {
  key: string;
  /** Chinese label (translated with t()) */
  label: string;
  icon?: ReactNode;
  path: string;
  /** shown only when the user holds this permission (or one of these); omitted = every signed-in user */
  permission?: NeededPermission;
  /** menu group key (e.g. 'admin'); the web root defines the group labels */
  group?: string;
  order?: number;
}

export interface WebRoute {
  path: string;
  element: ReactNode;
  /** without it (or one of them) the page answers 无权访问 */
  permission?: NeededPermission;
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
  /** panels on other modules' record pages (a proposal's 关联协商), shown where a page renders `<RecordPanels>` */
  recordPanels?: RecordPanel[];
  /**
   * English translations keyed by the Chinese text: `() => import('./messages-en.ts')` (a file whose default export is
   * the dictionary), fetched only when English is chosen; a handful of words may be given inline
   */
  messages?: MessagesSource;
}

/** The menu a user sees: the entries their permissions open, in menu order. */
export function visibleMenu(menu: readonly WebMenuItem[], granted: readonly string[]): WebMenuItem[] {
  return menu.filter((m) => mayOpen(m.permission, granted)).sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}
