/**
 * Single sign-on (统一身份认证) through OpenID Connect: the interface a provider implements. No provider ships yet.
 *
 * To add one: implement `SsoProvider` (e.g. with the provider's discovery document, authorization-code flow with PKCE,
 * and ID-token validation), then call `registerSsoProvider(provider)` from the identity module's `routes` before the
 * routes are registered. The routes to add then are GET `/api/auth/sso/:provider` (redirect to `authorizationUrl`) and
 * GET `/api/auth/sso/:provider/callback` (→ `exchangeCode` → `mapToLocalUser` → create a session exactly as the
 * password login does, including the TOTP rule for administrator roles and an audit record `user.login.sso`).
 */
import type { IdentityDb } from './tables.ts';

/** Who the identity provider says the person is. */
export interface ExternalIdentity {
  provider: string;
  subject: string; // the provider's stable user id (`sub`)
  username?: string;
  displayName?: string;
  email?: string;
  phone?: string;
  /** raw claims for audit and mapping rules */
  claims: Record<string, unknown>;
}

export interface SsoProvider {
  /** short id used in URLs, e.g. 'gov-sso' */
  id: string;
  /** button text on the login page, e.g. '政务统一身份认证' */
  label: string;
  /** where to send the browser; `state` and `nonce` are stored by the caller and checked on return */
  authorizationUrl(opts: { state: string; nonce: string; redirectUri: string; codeChallenge: string }): Promise<string> | string;
  /** trade the authorization code for tokens and return the verified identity */
  exchangeCode(opts: { code: string; redirectUri: string; codeVerifier: string; nonce: string }): Promise<ExternalIdentity>;
  /** the local user id for an external identity, or null when the person has no account here (no automatic sign-up) */
  mapToLocalUser(db: IdentityDb, identity: ExternalIdentity): Promise<string | null>;
}

const providers = new Map<string, SsoProvider>();

export function registerSsoProvider(p: SsoProvider): void {
  if (providers.has(p.id)) throw new Error(`SSO provider ${p.id} is already registered`);
  providers.set(p.id, p);
}

export function ssoProviders(): SsoProvider[] {
  return [...providers.values()];
}
