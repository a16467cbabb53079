import { describe, expect, it } from 'vitest';
import { validateCheckConfig, validateConfig } from '../../src/cli/options.js';
import { checkSettings } from '../../src/cli/check.js';
import { UsageError } from '../../src/cli/errors.js';
import { DEFAULT_CHECK_SETTINGS } from '../../src/core/findings.js';

describe('the check object of deboil.config.json', () => {
  it('takes every setting of deboil check', () => {
    const check = { reporter: 'github', minChars: 200, maxRemoved: 0.3, requireUtf8: true, ignore: ['mojibake'], include: ['**/*.md'], exclude: ['drafts/**'] };
    expect(validateConfig({ check }, 'deboil.config.json').check).toEqual(check);
  });

  it.each([
    [{ colour: true }, "unknown key 'check.colour'"],
    [{ reporter: 'xml' }, "'check.reporter' must be one of text, json, github, junit"],
    [{ minChars: -1 }, "'check.minChars'"],
    [{ minChars: 1.5 }, "'check.minChars'"],
    [{ maxRemoved: 30 }, "'check.maxRemoved'"],
    [{ requireUtf8: 'yes' }, "'check.requireUtf8'"],
    [{ ignore: ['boilerplate'] }, "'check.ignore': unknown finding id 'boilerplate'"],
    [{ include: '**/*.md' }, "'check.include'"],
    [[], "'check' must be an object"],
  ])('names the bad key in %j', (check, message) => {
    expect(() => validateCheckConfig(check, 'deboil.config.json')).toThrow(UsageError);
    expect(() => validateConfig({ check }, 'deboil.config.json')).toThrow(message);
  });
});

describe('checkSettings', () => {
  it('falls back to the defaults', () => {
    expect(checkSettings({}, {})).toEqual(DEFAULT_CHECK_SETTINGS);
  });

  it('lets flags win over the config file', () => {
    const s = checkSettings({ minChars: 50, maxRemoved: 0.5, requireUtf8: true }, { minChars: 200, requireUtf8: false });
    expect(s).toMatchObject({ minChars: 200, maxRemoved: 0.5, requireUtf8: false });
  });

  it('adds up ignore lists from both', () => {
    expect(checkSettings({ ignore: ['mojibake'] }, { ignore: ['duplicate', 'mojibake'] }).ignore).toEqual(['mojibake', 'duplicate']);
  });

  it('refuses an unknown --ignore id and lists the known ones', () => {
    expect(() => checkSettings({}, { ignore: ['boilerplate'] })).toThrow(/unknown finding id 'boilerplate' \(known: boilerplate-line, duplicate/u);
  });
});
