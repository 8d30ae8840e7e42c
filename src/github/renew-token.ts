/**
 * A new installation token, when GitHub revoked the one in use.
 */
import type { Octokit } from "./octokit.js";

/**
 * Asks GitHub for a new token of the installation (as the app, with its
 * private key) and returns an Octokit of the same kind that uses it. The
 * token cache of Probot's installation Octokits keeps a revoked token for up
 * to an hour, and asking that cache for a fresh token goes to api.github.com
 * whatever the host: so the new token is fetched through this Octokit's own
 * host and used directly.
 * @throws when GitHub gives no token (the app was uninstalled or suspended)
 */
export async function renewToken(octokit: Octokit, installationId: number): Promise<Octokit> {
  const { data } = await octokit.request(
    "POST /app/installations/{installation_id}/access_tokens",
    {
      installation_id: installationId,
    },
  );
  const OctokitClass = octokit.constructor as new (options: Record<string, unknown>) => Octokit;
  return new OctokitClass({
    auth: { token: data.token },
    baseUrl: octokit.request.endpoint.DEFAULTS.baseUrl,
    log: octokit.log,
  });
}
