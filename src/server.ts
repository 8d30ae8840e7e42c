/**
 * `npm start`: the app behind Probot's web server, configured from the
 * environment (see docs/deployment.md).
 */
import { run } from "probot";
import app from "./index.js";

await run(app);
