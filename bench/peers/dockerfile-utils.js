// dockerfile-utils (rcjsuen, the VS Code Docker extension's validator) as a library, in one node
// process.
'use strict';
const { lintAll } = require('./files');
const { validate } = require('dockerfile-utils');

lintAll('dockerfile-utils', (text) => validate(text));
