/**
 * Code loaded when it is first shown (decision 0030): pages of the module manifests, and components embedded across
 * modules or in the header. Each can also be asked for ahead of time (`preload`), so that the signed-in layout and the
 * page inside it come down together rather than one after the other. This file is part of the code every visitor
 * loads before the login page: what it imports, the login page pays for.
 */
import { Suspense, isValidElement, lazy, type ComponentType, type ReactNode } from 'react';
import { Skeleton } from 'antd';

/** Code that loads once, on first use or when preloaded, whichever comes first. */
interface Loadable<C> {
  load(): Promise<{ default: C }>;
  Component: C;
}

function loadable<P extends object>(loader: () => Promise<{ default: ComponentType<P> }>): Loadable<ComponentType<P>> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const load = () => (loading ??= loader().catch((e) => { loading = undefined; throw e; }));
  return { load, Component: lazy(load) as unknown as ComponentType<P> };
}

/** The placeholder of a page whose code is on its way: a card-like box with a skeleton, no layout jump when it arrives. */
function PagePlaceholder() {
  return (
    <div role="status" aria-busy="true" data-testid="page-loading"
      style={{ background: '#fff', borderRadius: 8, padding: 24, border: '1px solid #f0f0f0', marginBottom: 16 }}>
      <Skeleton active paragraph={{ rows: 6 }} />
    </div>
  );
}

function LazyPage({ page }: { page: Loadable<ComponentType> }) {
  return (
    <Suspense fallback={<PagePlaceholder />}>
      <page.Component />
    </Suspense>
  );
}

/** A page loaded on demand, with a skeleton while its code arrives. */
export function lazyPage(loader: () => Promise<{ default: ComponentType }>): ReactNode {
  return <LazyPage page={loadable(loader)} />;
}

/** A page outside the signed-in layout that shows messages or dialogs (App.useApp): antd's App loads beside it. */
export function lazyPageWithMessages(loader: () => Promise<{ default: ComponentType }>): ReactNode {
  return lazyPage(async () => {
    const [{ default: Page }, { AppContext }] = await Promise.all([loader(), import('./app-context.tsx')]);
    return { default: () => <AppContext><Page /></AppContext> };
  });
}

/** A component that loads its code on first render or when preloaded; its type says it can be preloaded. */
export type LazyComponent<P extends object> = ComponentType<P> & { preload(): void };

/**
 * A component whose code loads the first time it is rendered; until then it renders `fallback` (nothing by default).
 * It takes the same props as the component the loader resolves to.
 */
export function lazyComponent<P extends object>(loader: () => Promise<ComponentType<P>>, fallback: ReactNode = null): LazyComponent<P> {
  const code = loadable(async () => ({ default: await loader() }));
  function Lazy(props: P) {
    return (
      <Suspense fallback={fallback}>
        <code.Component {...props} />
      </Suspense>
    );
  }
  return Object.assign(Lazy, { preload: () => { void code.load().catch(() => {}); } });
}

/**
 * Start loading the code of a page made by `lazyPage` (an element of a manifest route, possibly wrapped in other
 * elements) or of a `lazyComponent`. Anything else is left alone.
 */
export function preload(what: ReactNode | ComponentType<any>): void {
  if (typeof what === 'function' && 'preload' in what && typeof what.preload === 'function') {
    what.preload();
    return;
  }
  let node: ReactNode = what as ReactNode;
  // a page may sit inside wrappers (a permission check): follow their only child
  for (let depth = 0; depth < 4 && isValidElement<{ page?: Loadable<ComponentType>; children?: ReactNode }>(node); depth++) {
    if (node.type === LazyPage && node.props.page) {
      void node.props.page.load().catch(() => {});
      return;
    }
    node = node.props.children;
  }
}
