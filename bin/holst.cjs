#!/usr/bin/env node
'use strict';
// The `holst` command: runs the bundled CLI that `npm install` (prepare) or `npm run build` writes,
// an ES module that loads each command's code only when that command runs.
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const entry = path.join(__dirname, '..', 'out', 'cli', 'holst.mjs');
if (!fs.existsSync(entry)) {
  process.stderr.write('holst: the CLI is not built yet; run "npm run build" in the Holst folder.\n');
  process.exit(1);
}
import(pathToFileURL(entry).href);
