/**
 * The app's identity, checked before the server listens.
 */
import { createPrivateKey } from "node:crypto";
import { readFileSync } from "node:fs";

/** What `npm start` is to do with its environment. */
export type Credentials =
  /** No `APP_ID` outside production: Probot's setup page registers the app. */
  | { kind: "setup" }
  /** Everything is there; `privateKey` is the PEM, read and checked. */
  | { kind: "app"; privateKey: string }
  /** One line saying what is missing or wrong. */
  | { kind: "error"; message: string };

/**
 * Checks `APP_ID`, `PRIVATE_KEY` or `PRIVATE_KEY_PATH`, and `WEBHOOK_SECRET`.
 * Probot on its own prints a stack trace for a key it cannot read and then
 * starts its setup page, whose `/ping` answers PONG: a broken deployment
 * would look healthy. Once `APP_ID` says which app this is (or
 * `NODE_ENV=production` says it must), every piece must be there and usable.
 * The key is decoded as Probot decodes it (PEM, or PEM in base64, with `\n`
 * for newlines) and parsed, so that a malformed one is found here.
 */
export function checkCredentials(env: NodeJS.ProcessEnv): Credentials {
  const appId = env.APP_ID?.trim() ?? "";
  if (appId === "") {
    if (env.NODE_ENV === "production")
      return { kind: "error", message: "APP_ID is not set (required with NODE_ENV=production)" };
    return { kind: "setup" };
  }
  if (!/^[1-9][0-9]*$/.test(appId))
    return { kind: "error", message: `APP_ID is "${appId}", not a GitHub App's numeric id` };
  let source: string;
  let pem: string;
  if (env.PRIVATE_KEY) {
    source = "PRIVATE_KEY";
    pem = decodeKey(env.PRIVATE_KEY);
  } else if (env.PRIVATE_KEY_PATH) {
    source = `PRIVATE_KEY_PATH (${env.PRIVATE_KEY_PATH})`;
    try {
      pem = readFileSync(env.PRIVATE_KEY_PATH, "utf8");
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return {
        kind: "error",
        message: `${source}: cannot read the file${typeof code === "string" ? ` (${code})` : ""}`,
      };
    }
  } else {
    return {
      kind: "error",
      message: "APP_ID is set but neither PRIVATE_KEY nor PRIVATE_KEY_PATH is",
    };
  }
  try {
    if (createPrivateKey(pem).asymmetricKeyType !== "rsa") throw new Error("not RSA");
  } catch {
    return { kind: "error", message: `${source}: not an RSA private key in PEM format` };
  }
  if (!env.WEBHOOK_SECRET)
    return {
      kind: "error",
      message: "WEBHOOK_SECRET is not set: deliveries could not be told from forgeries",
    };
  return { kind: "app", privateKey: pem };
}

// The forms Probot accepts in PRIVATE_KEY: base64 of the PEM, and "\n" written out.
function decodeKey(value: string): string {
  let key = value.trim();
  if (!key.includes("-----BEGIN") && /^[A-Za-z0-9+/=\s]+$/.test(key))
    key = Buffer.from(key, "base64").toString("utf8");
  key = key.replace(/\\n/g, "\n");
  // A PEM pasted onto one line: its armour lines are put back on lines of their own.
  if (!key.includes("\n"))
    key = key.replace(/(-----BEGIN [A-Z ]+-----)(.*)(-----END [A-Z ]+-----)/, "$1\n$2\n$3");
  return key;
}
