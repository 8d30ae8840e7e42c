// Runs the test suite again on the Node major the Docker image ships (its
// ARG NODE_VERSION), so that what is deployed is what was tested. Under CI
// only (CI=true), or when IDEAS_SYNC_IMAGE_NODE=1: it installs that Node from
// the npm registry's `node` package into node_modules/.cache, which takes a
// minute, and doubles the suite's time.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
if (process.env.CI !== "true" && process.env.IDEAS_SYNC_IMAGE_NODE !== "1") {
  console.log("The suite on the image's Node runs under CI (or with IDEAS_SYNC_IMAGE_NODE=1).");
  process.exit(0);
}
const dockerfile = readFileSync(join(root, "Dockerfile"), "utf8");
const major = /^ARG NODE_VERSION=(\d+)\s*$/m.exec(dockerfile)?.[1];
if (!major) {
  console.error("Dockerfile: no ARG NODE_VERSION=<major> line to read the image's Node from");
  process.exit(1);
}
if (process.versions.node.split(".")[0] === major) {
  console.log(`The suite ran on Node ${process.versions.node}, the image's major already.`);
  process.exit(0);
}
const prefix = join(root, "node_modules/.cache/image-node", major);
const bin = join(prefix, "node_modules/.bin");
if (!existsSync(join(bin, "node"))) {
  const install = spawnSync(
    "npm",
    [
      "install",
      "--no-save",
      "--no-package-lock",
      "--no-audit",
      "--no-fund",
      "--prefix",
      prefix,
      `node@${major}`,
    ],
    { stdio: "inherit" },
  );
  if (install.status !== 0) {
    console.error(`could not install Node ${major} from the npm registry's node package`);
    process.exit(1);
  }
}
const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
const version = spawnSync("node", ["--version"], { env, encoding: "utf8" }).stdout.trim();
console.log(`The suite again, on the image's Node ${version}:`);
const run = spawnSync("node", [join(root, "node_modules/vitest/vitest.mjs"), "run"], {
  cwd: root,
  env,
  stdio: "inherit",
});
process.exit(run.status ?? 1);
