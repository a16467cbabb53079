#!/usr/bin/env node
// Scaffolds a golden case: fixtures/<name>/input.txt (the dump's bytes, legacy encodings kept) and
// case.json (provenance from the corpus' <id>.meta.json when there is one, empty keep/drop lists).
// The expected.json and expected.md files come from the golden test itself:
//
//   npm run fixture:new -- <name> <dump>
//   npx vitest run -u test/golden.test.ts -t <name>     # then review the new files like code
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [name, dump, ...rest] = process.argv.slice(2);

function fail(message) {
  process.stderr.write(`fixture:new: error: ${message}\n`);
  process.exitCode = 2;
}

function provenance(meta) {
  return {
    id: meta.id,
    dataset: meta.dataset,
    repo: meta.repo,
    commit: meta.repo_commit,
    path: meta.dataset_paths?.html ?? null,
    licence: meta.licence,
    url: meta.url ?? null,
    converter: meta.converter,
    converterDetail: meta.converter_detail ?? null,
    encoding: meta.dump_encoding,
    language: meta.language,
  };
}

function main() {
  if (!name || !dump || rest.length > 0) return fail('usage: npm run fixture:new -- <name> <dump>');
  // Folder names say what the case shows, in kebab case: lynx-wrapped-zh, gbk-input.
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(name)) return fail(`${name}: name the case in kebab-case after what it shows`);
  const dir = join(root, 'fixtures', name);
  if (existsSync(dir)) return fail(`${dir}: already exists; pick another name or remove it first`);
  if (!existsSync(dump)) return fail(`${dump}: no such file`);
  const metaPath = join(dirname(dump), `${basename(dump, '.txt')}.meta.json`);
  const meta = existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, 'utf8')) : null;
  // dragnet's data is AGPL-3.0: nothing derived from it may ship in this MIT project.
  if (meta && /AGPL/iu.test(meta.licence ?? '')) return fail(`${dump}: licensed ${meta.licence}; take fixtures from MIT-licensed sources only`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(dump, join(dir, 'input.txt'));
  const kase = {
    shows: '',
    ...(meta ? { source: provenance(meta) } : {}),
    keep: [],
    drop: [],
  };
  writeFileSync(join(dir, 'case.json'), `${JSON.stringify(kase, null, 2)}\n`);
  process.stdout.write(
    [
      `created ${join('fixtures', name)}/input.txt and case.json${meta ? ` (source ${meta.id}, ${meta.licence})` : ' (no .meta.json beside the dump: fill in "source" by hand)'}`,
      'next: say in case.json what the case "shows", add "keep" and "drop" snippets, then',
      `  npx vitest run -u test/golden.test.ts -t ${name}`,
      'and review the new expected.json and expected.md like code.',
      '',
    ].join('\n'),
  );
}

main();
