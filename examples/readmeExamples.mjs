// README examples are files: a README marks a code block with
// `<!-- example: examples/<file> -->` on the line before it, and the block must
// equal the file. Every `console.log(…)` of an example states what it prints:
//
//   console.log(loss); // 0.4305418990372838        ← one line, the whole comment
//
//   console.log(grad.data);                          ← no comment on the call:
//   // Float64Array(2) [ -0.25, 0.25 ]               ← the comment lines right
//                                                      after it, verbatim
//
// The printed output of the file must equal these lines, in order (a call in a
// loop states everything the loop prints). Shared by the examples test and the
// consumer test, which runs the same files against the packed packages.
//
//   node examples/readmeExamples.mjs --write   copies every example file into
//                                              the README blocks that show it
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The marked examples of one README: `{ file, block, lang }` for each marker,
 * where `file` is relative to the repository root, `block` the fenced code after
 * it and `lang` the fence's language.
 */
export function markedExamples(readme) {
  const lines = readme.split('\n');
  const found = [];
  lines.forEach((line, i) => {
    const m = /^<!--\s*example:\s*(\S+)\s*-->$/.exec(line.trim());
    if (!m) return;
    if (!lines[i + 1]?.startsWith('```'))
      throw new Error(`${m[1]}: the marker is not followed by a code block`);
    const close = lines.findIndex((l, j) => j > i + 1 && l.startsWith('```'));
    found.push({
      file: m[1],
      lang: lines[i + 1].slice(3).trim(),
      block: `${lines.slice(i + 2, close).join('\n')}\n`,
    });
  });
  return found;
}

/**
 * The JavaScript or TypeScript code blocks of a README that are not marked as
 * an example file, but look like code a reader would run (an import or a
 * console.log): `{ line, text }` with the 1-based line of the opening fence.
 */
export function unmarkedCode(readme) {
  const lines = readme.split('\n');
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('```')) continue;
    const close = lines.findIndex((l, j) => j > i && l.startsWith('```'));
    const lang = lines[i].slice(3).trim();
    const body = lines.slice(i + 1, close).join('\n');
    const marked = /^<!--\s*example:/.test(lines[i - 1]?.trim() ?? '');
    if (/^(js|mjs|ts|mts|javascript|typescript)$/.test(lang) && !marked) {
      if (/(^|\n)\s*import\s|console\.log\(/.test(body)) found.push({ line: i + 1, text: body });
    }
    i = close;
  }
  return found;
}

/** Where the parenthesis opened at `start` of `text` closes (strings and comments skipped). */
function closingParen(text, start) {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"' || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  throw new Error(`unclosed console.log( at offset ${start}`);
}

/** The lines an example promises to print, from the comments of its console.log calls. */
export function promisedOutput(source) {
  const promised = [];
  const call = /console\.log\(/g;
  for (let m = call.exec(source); m; m = call.exec(source)) {
    const end = closingParen(source, m.index + 'console.log'.length);
    const lineEnd = source.indexOf('\n', end);
    const rest = source.slice(end + 1, lineEnd < 0 ? undefined : lineEnd);
    const same = /^;?\s*\/\/ ?(.*)$/.exec(rest);
    if (same) {
      promised.push(same[1]);
      continue;
    }
    const after = source.slice(lineEnd + 1).split('\n');
    const comments = [];
    for (const l of after) {
      const c = /^\s*\/\/ ?(.*)$/.exec(l);
      if (!c) break;
      comments.push(c[1]);
    }
    if (comments.length === 0) {
      const at = source.slice(0, m.index).split('\n').length;
      throw new Error(`line ${at}: console.log states no output (a comment on it or after it)`);
    }
    promised.push(...comments);
  }
  return promised;
}

/** Reads an example file relative to the repository root. */
export function readExample(root, file) {
  return readFileSync(join(root, file), 'utf8');
}

/** The READMEs that may show examples: the root one, and each package's and app's. */
export function readmePaths(root) {
  return [
    'README.md',
    ...['packages', 'apps'].flatMap((group) =>
      readdirSync(join(root, group)).map((name) => `${group}/${name}/README.md`),
    ),
  ].filter((p) => {
    try {
      readFileSync(join(root, p));
      return true;
    } catch {
      return false;
    }
  });
}

/** Rewrites each marked block of `readme` with the current text of its file. */
export function syncReadme(root, readme) {
  const lines = readFileSync(join(root, readme), 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^<!--\s*example:\s*(\S+)\s*-->$/.exec(lines[i].trim());
    if (!m) continue;
    const close = lines.findIndex((l, j) => j > i + 1 && l.startsWith('```'));
    const body = readExample(root, m[1]).replace(/\n$/, '').split('\n');
    lines.splice(i + 2, close - i - 2, ...body);
    i += body.length + 2;
  }
  writeFileSync(join(root, readme), lines.join('\n'));
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--write') {
  const root = fileURLToPath(new URL('..', import.meta.url));
  for (const readme of readmePaths(root)) syncReadme(root, readme);
}
