/**
 * requestOnce: what tests send the app goes on a connection of its own, so
 * that no request meets a keep-alive connection the server has closed.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { requestOnce } from "../../emulator/request-once.js";

const connections: number[] = [];
const server = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
  request.on("end", () => {
    response.writeHead(201, { "content-type": "text/plain" });
    response.end(`${request.method} ${request.headers["x-test"] ?? ""} ${body}`);
  });
});
server.on("connection", (socket) => connections.push(socket.remotePort ?? 0));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("requestOnce", () => {
  it("sends method, headers and body, and gives status and text back", async () => {
    const response = await requestOnce(url, {
      method: "POST",
      headers: { "x-test": "yes" },
      body: "payload",
    });
    expect(response).toEqual({ status: 201, text: "POST yes payload" });
  });

  it("opens a new connection for every request", async () => {
    const before = connections.length;
    for (let i = 0; i < 3; i += 1) await requestOnce(url);
    expect(connections.length - before).toBe(3);
    expect(new Set(connections.slice(before)).size).toBe(3);
  });
});
