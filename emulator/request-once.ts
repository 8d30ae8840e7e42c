/**
 * One HTTP request on a connection of its own.
 */
import { request } from "node:http";

/** What came back. */
export interface OnceResponse {
  status: number;
  body: string;
}

/**
 * Sends one request on a new connection, closed after the answer, as GitHub
 * sends each webhook delivery. fetch would reuse an idle keep-alive
 * connection from its pool, and the app's server closes those after 5 s
 * idle: when the caller's event loop was busy for longer (compiling GitHub's
 * webhook schema takes seconds), fetch does not know yet that the server
 * closed it, writes the request into it, and fails with UND_ERR_SOCKET.
 * @param url an http: URL
 * @param options method (default GET), headers and body
 */
export function requestOnce(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<OnceResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: options.method ?? "GET", headers: options.headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}
