/**
 * HTTP requests on a connection of their own.
 */
import { request } from "node:http";

/**
 * Sends one request on a new connection and reads the whole answer. A
 * kept-alive connection (what `fetch` reuses) may have been closed by the
 * other side while this process was busy, say compiling a schema for five
 * seconds: the request then fails with "other side closed", though nothing
 * is wrong with the app. A new connection each time cannot be stale.
 * @param url an http:// address
 * @returns the status and the body as text
 */
export function requestOnce(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(
      url,
      {
        method: options.method ?? "GET",
        headers: {
          ...options.headers,
          ...(options.body === undefined
            ? {}
            : { "content-length": String(Buffer.byteLength(options.body)) }),
        },
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    sent.on("error", reject);
    sent.end(options.body);
  });
}
