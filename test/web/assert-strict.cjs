// node:assert/strict for the web bundle: the npm port of Node's assert, its strict variant.
module.exports = require('assert').strict;
