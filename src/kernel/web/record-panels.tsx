/**
 * Panels one module shows on another module's record page (e.g. 关联协商 on a proposal), without either importing the
 * other: a module's web manifest declares `recordPanels` for entity types, the web root registers them here, and a
 * detail page renders `<RecordPanels entityType="proposal" id={…} />` where such panels belong. Each panel is shown only
 * to those holding its permission; it decides itself whether it has anything to show (nothing renders nothing).
 */
import type { ComponentType } from 'react';
import type { NeededPermission } from './manifest.ts';
import { useSession } from './session.tsx';

/** What a panel receives: the record it is shown on. */
export interface RecordPanelProps {
  entityType: string;
  id: string;
  /** the page stacks its cards with gaps of its own (a vertical Space): no margin below a panel */
  stacked?: boolean;
}

/** A panel a module contributes to the pages of records of these entity types. */
export interface RecordPanel {
  /** the entity types (as in the server's entity declarations: 'proposal', 'opinion', …) whose pages show it */
  entityTypes: readonly string[];
  /** best a `lazyComponent`, so that the record's page does not carry the contributing module's code */
  component: ComponentType<RecordPanelProps>;
  /** shown only to those holding this permission (or one of these); omitted = every signed-in user */
  permission?: NeededPermission;
  order?: number;
}

const panels: RecordPanel[] = [];

/** Called by the web root with every module's `recordPanels`. */
export function registerRecordPanels(list: readonly RecordPanel[]): void {
  panels.push(...list);
  panels.sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}

/** The panels other modules contribute to this record's page, for the signed-in user. */
export function RecordPanels({ entityType, id, stacked }: RecordPanelProps) {
  const { can } = useSession();
  return (
    <>
      {panels.filter((p) => p.entityTypes.includes(entityType) && can(p.permission)).map((P, i) => <P.component key={i} entityType={entityType} id={id} stacked={stacked} />)}
    </>
  );
}
