// dockerfile_lint (projectatomic) as a library with its default rules, in one node process.
'use strict';
const { lintAll } = require('./files');
const Linter = require('dockerfile_lint');

const linter = new Linter();
lintAll('dockerfile_lint', (text) => {
  const result = linter.validate(text);
  return [].concat(result.error.data, result.warn.data, result.info.data);
});
