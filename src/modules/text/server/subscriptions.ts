/** Domain events the text module follows: records to index (`text.index`) and decided assignments (`text.assigned`). */
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { TextService, TextItemInput } from './text-service.ts';

/** Payload of `text.index`: a module publishes it after committing a new or edited record. */
export type TextIndexPayload = TextItemInput;
/** Payload of `text.assigned`: published when a person decides the handling unit (交办). */
export interface TextAssignedPayload { text: string; unitId: string }

export function subscribeText(ctx: ModuleContext, service: TextService): void {
  ctx.events.on('text.index', async (e) => {
    await service.indexItem(e.tenantId, e.payload as unknown as TextIndexPayload);
  });
  ctx.events.on('text.assigned', async (e) => {
    const p = e.payload as unknown as TextAssignedPayload;
    await service.recordAssignment(e.tenantId, p.text, p.unitId);
  });
}
