// Entry point for `node --test e2e/`: on Node 20 the test runner only picks up
// files named like *.test.mjs in a directory, so this loads the real suite.
import './app.e2e.mjs';
