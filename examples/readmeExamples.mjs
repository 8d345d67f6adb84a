// README examples are files: a README marks a code block with
// `<!-- example: examples/<file> -->` on the line before it, and the block must
// equal the file. Each `console.log(…)` line of an example ends with a comment
// that starts with what it prints. Shared by the examples test and the
// consumer test, which runs the same files against the packed packages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The marked examples of one README: `{ file, block }` for each marker, where
 * `file` is relative to the repository root and `block` the fenced code after it.
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
    found.push({ file: m[1], block: `${lines.slice(i + 2, close).join('\n')}\n` });
  });
  return found;
}

/** The printed lines an example promises: the comment text of each console.log line, up to its first space. */
export function promisedOutput(source) {
  return source
    .split('\n')
    .filter((l) => /^\s*console\.log\(/.test(l))
    .map((l) => {
      const comment = /\/\/\s*(.*)$/.exec(l);
      if (!comment) throw new Error(`no output comment on: ${l.trim()}`);
      return comment[1].split(/\s+/)[0];
    });
}

/** Reads an example file relative to the repository root. */
export function readExample(root, file) {
  return readFileSync(join(root, file), 'utf8');
}
