// The signed-in layout with the modules' menu and header widgets, inside antd's App (messages and dialogs of the
// pages): loaded once someone has signed in, so that the login page does not carry them (decision 0030).
import { AppContext } from '../kernel/web/app-context.tsx';
import { AppLayout } from '../kernel/web/layout.tsx';
import { banners, headerWidgets, menu, menuGroups } from './modules.ts';

export function Shell() {
  return (
    <AppContext>
      <AppLayout brand="智慧政协" menu={menu} groups={menuGroups} headerWidgets={headerWidgets} banners={banners} />
    </AppContext>
  );
}
