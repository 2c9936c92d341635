/** Domain events the text module follows: records to index (`text.index`) and decided assignments (`text.assigned`). */
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { TextService, TextItemInput } from './text-service.ts';

/** Payload of `text.index`: a module publishes it after committing a new or edited record. */
export type TextIndexPayload = TextItemInput;
/** Payload of `text.index.many`: many new records of one tenant (demo data, imports), stored in batches. */
export interface TextIndexManyPayload { items: TextIndexPayload[] }
/** Payload of `text.assigned`: published when a person decides the handling unit (交办). */
export interface TextAssignedPayload { text: string; unitId: string }

export function subscribeText(ctx: ModuleContext, service: TextService): void {
  // a record's versions are indexed in the order they were published (a report created and edited at once)
  const queues = new Map<string, Promise<void>>();
  ctx.events.on('text.index', async (e) => {
    const p = e.payload as unknown as TextIndexPayload;
    const key = `${e.tenantId}\u0000${p.source}\u0000${p.refId}`;
    const run = (queues.get(key) ?? Promise.resolve()).catch(() => undefined).then(() => service.indexItem(e.tenantId, p));
    queues.set(key, run);
    try { await run; } finally { if (queues.get(key) === run) queues.delete(key); }
  });
  // many new records of one tenant at once (demo data, imports)
  ctx.events.on('text.index.many', async (e) => {
    await service.indexItems(e.tenantId, (e.payload as unknown as TextIndexManyPayload).items);
  });
  ctx.events.on('text.assigned', async (e) => {
    const p = e.payload as unknown as TextAssignedPayload;
    // the record assigned (the event's entity): its module's own history is what the model learns from
    await service.recordAssignment(e.tenantId, p.text, p.unitId, e.entityType && e.entityId ? { type: e.entityType, id: e.entityId } : undefined);
  });
}
