/**
 * A new installation token, when GitHub revoked the one in use.
 */
import type { Octokit } from "./octokit.js";

/** A token GitHub gave, and how to make Octokits that use it. */
export interface RenewedToken {
  /** When it expires, by this machine's clock, in ms since the epoch. */
  expiresAt: number;
  /** A new Octokit (with its own request count) that uses the token. */
  octokit(): Octokit;
}

/**
 * Asks GitHub for a new token of the installation (as the app, with its
 * private key). The token cache of Probot's installation Octokits keeps a
 * revoked token for up to an hour, and asking that cache for a fresh token
 * goes to api.github.com whatever the host: so the new token is fetched
 * through this Octokit's own host and used directly.
 * @throws when GitHub gives no token (the app was uninstalled or suspended)
 */
export async function renewToken(octokit: Octokit, installationId: number): Promise<RenewedToken> {
  const { data } = await octokit.request(
    "POST /app/installations/{installation_id}/access_tokens",
    {
      installation_id: installationId,
    },
  );
  const OctokitClass = octokit.constructor as new (options: Record<string, unknown>) => Octokit;
  const baseUrl = octokit.request.endpoint.DEFAULTS.baseUrl;
  // GitHub's tokens last an hour; a token is not used in its last five minutes.
  const expires = Date.parse(data.expires_at);
  return {
    expiresAt: (Number.isFinite(expires) ? expires : Date.now() + 3_600_000) - 300_000,
    octokit: () => new OctokitClass({ auth: { token: data.token }, baseUrl, log: octokit.log }),
  };
}
