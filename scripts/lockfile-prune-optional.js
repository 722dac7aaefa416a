#!/usr/bin/env node
// npm records an optional dependency in package-lock.json only when the registry has it. The
// registry our machines reach lacks the other platforms' native binaries (e.g.
// @swc/core-darwin-arm64), and `npm ci` then refuses the lock as "out of sync". This drops, from
// each lock entry, the optional dependencies that have no entry of their own, so `npm ci` accepts
// the lock. Run it after every `npm install` that changes package-lock.json: npm run lock:fix
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const present = new Set(Object.keys(lock.packages).map((p) => p.replace(/^.*node_modules\//, '')));
let dropped = 0;
for (const [where, entry] of Object.entries(lock.packages)) {
  if (!where || !entry.optionalDependencies) continue;
  for (const name of Object.keys(entry.optionalDependencies)) {
    if (!present.has(name)) {
      delete entry.optionalDependencies[name];
      dropped++;
    }
  }
  if (!Object.keys(entry.optionalDependencies).length) delete entry.optionalDependencies;
}
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: dropped ${dropped} optional dependencies the registry does not have`);
