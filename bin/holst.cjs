#!/usr/bin/env node
'use strict';
// The `holst` command: runs the bundled CLI that `npm install` (prepare) or `npm run build` writes.
const fs = require('node:fs');
const path = require('node:path');

const entry = path.join(__dirname, '..', 'out', 'cli', 'holst.cjs');
if (!fs.existsSync(entry)) {
  process.stderr.write('holst: the CLI is not built yet; run "npm run build" in the Holst folder.\n');
  process.exit(1);
}
require(entry);
