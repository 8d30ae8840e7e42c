#!/usr/bin/env node
// The `ideas-sync` command: runs the compiled command line (npm install builds it).
import "../dist/cli/run.js";
