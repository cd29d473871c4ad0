// The Dockerfiles under the given directories, in name order: the same set dockvet is timed on.
'use strict';
const fs = require('fs');
const path = require('path');

function isDockerfile(name) {
  return /^(Dockerfile|Containerfile)(\..*)?$/.test(name) || /\.[Dd]ockerfile$/.test(name);
}

function walk(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && isDockerfile(entry.name)) out.push(full);
  }
  return out;
}

// Lints every Dockerfile under argv's directories with `lint(text)`, which returns a list of
// findings, and prints the totals so that a run that read nothing cannot pass for a fast one.
function lintAll(name, lint) {
  const files = [];
  for (const dir of process.argv.slice(2)) walk(dir, files);
  let findings = 0;
  for (const file of files) findings += lint(fs.readFileSync(file, 'utf8')).length;
  process.stderr.write(`${name}: ${files.length} files, ${findings} findings\n`);
  if (files.length === 0) process.exitCode = 1;
}

module.exports = { lintAll };
