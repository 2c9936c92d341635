/** Who is calling: the signed-in user with their organisation, tenant (their CPPCC) and permissions. */
import { AppError } from '../universal/errors.ts';
import type { ActorLike } from '../universal/workflow.ts';

export interface Actor extends ActorLike {
  userId: string;
  username: string;
  displayName: string;
  orgId: string;
  /** the CPPCC organisation (city or county) the user's organisation belongs to: the tenant of their records */
  tenantId: string;
  roles: string[];
  permissions: ReadonlySet<string>;
  sessionId: string;
}

/** The actor used by system jobs, seeds and the command line. */
export function systemActor(tenantId: string, orgId = tenantId): Actor {
  return {
    userId: 'system', username: 'system', displayName: '系统', orgId, tenantId,
    roles: ['system'], permissions: new Set(['*']), sessionId: 'system',
  };
}

export function can(actor: Actor, permission: string): boolean {
  return actor.permissions.has('*') || actor.permissions.has(permission);
}

export function requirePermission(actor: Actor | undefined, permission: string, what?: string): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  if (!can(actor, permission)) throw new AppError('FORBIDDEN', `您无权${what ?? '执行此操作'}`);
  return actor;
}
