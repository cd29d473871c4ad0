// dockerfilelint (replicated) as a library: every Dockerfile in one node process.
'use strict';
const { lintAll } = require('./files');
const dockerfilelint = require('dockerfilelint');

// run(configPath, content): the config path is only searched for a .dockerfilelintrc.
lintAll('dockerfilelint', (text) => dockerfilelint.run(__dirname, text));
