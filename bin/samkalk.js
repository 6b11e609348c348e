#!/usr/bin/env node
"use strict";
// The CLI is compiled to lib/ by `npm ci` (the prepare script); see README.
const { run } = require("../lib/cli/main.js");
// `samkalk check big.csv | head` closes the pipe early: that is the reader's choice, not a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
