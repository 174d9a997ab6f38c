// One module graph: a default calendar set through any entry point is the one every package uses, and each
// error class exists once across entry points and module systems.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import * as core from '@jianguan/core';
import * as calendar from '@jianguan/core/calendar';
import * as io from '@jianguan/core/io';
import * as creditRules from '@jianguan/credit-rules';
import * as client from '@jianguan/provincial-client';
import * as sandbox from '@jianguan/sandbox';
import { assertBuilt, packages } from './packages.mjs';

assertBuilt();
const require = createRequire(import.meta.url);

// 2025-10-09 (Thursday) is the first working day after the National Day holiday; closing it moves deadlines.
const closed = () =>
  core.createCalendar({
    overlays: [
      core.organisationClosures({ id: 'test', name: 'closed', nameZh: '停办', dates: ['2025-10-09'] }),
    ],
  });

test('setDefaultCalendar through @jianguan/core is the calendar of @jianguan/core/calendar and credit-rules', () => {
  assert.equal(calendar.addWorkdays('2025-09-30', 1), '2025-10-09');
  const previous = core.setDefaultCalendar(closed());
  try {
    assert.equal(calendar.getDefaultCalendar(), core.getDefaultCalendar());
    assert.equal(calendar.addWorkdays('2025-09-30', 1), '2025-10-10');
    assert.equal(creditRules.defaultWorkdays().addWorkdays('2025-09-30', 1), '2025-10-10');
    assert.equal(require('@jianguan/core/calendar').addWorkdays('2025-09-30', 1), '2025-10-10');
  } finally {
    core.setDefaultCalendar(previous);
  }
  assert.equal(calendar.addWorkdays('2025-09-30', 1), '2025-10-09');
});

test('setDefaultCalendar through @jianguan/core/calendar is seen by @jianguan/core', () => {
  const previous = calendar.setDefaultCalendar(closed());
  try {
    assert.equal(core.addWorkdays('2025-09-30', 1), '2025-10-10');
  } finally {
    calendar.setDefaultCalendar(previous);
  }
});

test('every package that depends on @jianguan/core loads the same core module files', () => {
  const own = require.resolve('@jianguan/core');
  for (const p of packages) {
    if (!p.pkg.dependencies?.['@jianguan/core']) continue;
    const theirs = createRequire(join(p.dir, 'dist', 'index.js')).resolve('@jianguan/core');
    assert.equal(theirs, own, `${p.name} resolves @jianguan/core elsewhere`);
  }
});

test('one class per error across entry points and module systems', () => {
  assert.equal(calendar.InvalidCivilDateError, core.InvalidCivilDateError);
  assert.equal(io.InputFileError, core.InputFileError);
  assert.equal(require('@jianguan/core').JianguanError, core.JianguanError);
  assert.equal(require('@jianguan/provincial-client').ClientOptionsError, client.ClientOptionsError);
  let error;
  try {
    sandbox.parseSandboxArgs(['--port', '99999']);
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof client.ClientOptionsError, 'sandbox error is the client class');
  assert.ok(
    error instanceof require('@jianguan/provincial-client').ClientOptionsError,
    'and the required one',
  );
  assert.ok(error instanceof core.JianguanError, 'and a JianguanError');
  assert.ok(core.isJianguanError(error));
  assert.throws(() => calendar.addWorkdays('2025-02-30', 1), core.InvalidCivilDateError);
});
