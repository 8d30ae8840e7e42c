// Bundles the GitHub Action (src/action/main.ts and everything it imports)
// into the one file action.yml runs, dist-action/index.mjs, which is
// committed: a workflow installs no dependencies. `npm run build:action`
// writes it; test/action/bundle.test.ts builds it again into a temporary
// folder and fails when the committed file differs.
//   node scripts/build-action.mjs [OUTFILE]
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = process.argv[2] ?? "dist-action/index.mjs";

await build({
  absWorkingDir: root,
  entryPoints: ["src/action/main.ts"],
  outfile,
  bundle: true,
  platform: "node",
  // The oldest Node the Action may be run with; action.yml names the one GitHub uses.
  target: "node20",
  format: "esm",
  minify: true,
  // Licence notices of the bundled packages stay, at the end of the file.
  legalComments: "eof",
  // Some bundled packages are CommonJS and require Node's modules.
  banner: {
    js: 'import { createRequire as __ideasSyncRequire } from "node:module"; const require = __ideasSyncRequire(import.meta.url);',
  },
  logLevel: "warning",
});
