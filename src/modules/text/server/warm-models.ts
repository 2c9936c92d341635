/**
 * 交办建议模型预热: half a minute after start and every half hour, each CPPCC's unit-suggestion model is loaded, or
 * trained in a worker thread when the assignments changed since it was stored. Off when `warmUnitModels` is false
 * (`WARM_UNIT_MODELS=false`; the tests' default).
 */
import type { JobDecl } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { allTenantIds } from '../../organizations/index.ts';
import type { TextService } from './text-service.ts';

export async function warmUnitModels(ctx: ModuleContext, svc: TextService): Promise<number> {
  let warmed = 0;
  for (const tenantId of await allTenantIds(ctx.db)) {
    await svc.warm(tenantId);
    warmed++;
  }
  return warmed;
}

export const warmUnitModelsJob: JobDecl = {
  name: 'warm-unit-models', label: '交办建议模型预热', everyMs: 30 * 60_000, firstAfterMs: 30_000,
  run: async (ctx) => {
    if (!ctx.config.warmUnitModels) return 0;
    return warmUnitModels(ctx, ctx.contributions.instance<TextService>('text'));
  },
};
