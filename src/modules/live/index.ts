/**
 * What other modules' server code may use of the 网络议政 module (imports from other modules go through this file only).
 * A consultation meeting links a session by id; it hears `live.session_linked` and `live.session_closed` events
 * (payload: sessionId, consultationId, title) and fetches the report from the API.
 */
export { liveModule } from './module.ts';
export { liveLifecycle } from './domain/live-lifecycle.ts';
export { canSeeSession } from './domain/live-rules.ts';
export const LIVE_EVENTS = { linked: 'live.session_linked', closed: 'live.session_closed', questionRouted: 'live.question_routed' } as const;
