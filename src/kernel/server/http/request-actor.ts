/** The signed-in actor on each request, set by the identity module's hook. */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../universal/errors.ts';
import type { Actor } from '../actor.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

/** The actor of a request, or a 401 when nobody is signed in. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  return req.actor;
}
