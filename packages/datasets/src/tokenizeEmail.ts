import { checkText } from './internal/checkText.js';

/**
 * Splits an e-mail into word tokens by a fixed, documented rule:
 *
 * 1. Header and body are separated at the first empty line (LF or CRLF).
 * 2. Of the header only the `Subject:` field is kept (with its continuation
 *    lines); every other header — routing, dates, list addresses, mailer
 *    names — is dropped, because it describes how the corpus was collected
 *    more than what the message says.
 * 3. The subject and body are lower-cased (ASCII only; other characters are
 *    left as they are and act as separators).
 * 4. A token is a maximal run of `[a-z0-9]`; tokens shorter than 2 or longer
 *    than 20 characters are dropped (single letters carry little; long runs are
 *    mostly base64 or encoded blobs).
 *
 * HTML markup is not stripped: tag names are tokens like any other word.
 *
 * @param text - the raw message, headers included
 * @returns the tokens in order (repeats kept)
 * @throws LslabError `E_PARSE` when `text` is not a string, `E_RANGE` above `MAX_TEXT_LENGTH`
 * @example
 * tokenizeEmail('From: a@b.c\nSubject: Win $1000 NOW\n\nClick <b>here</b>!');
 * // ['win', '1000', 'now', 'click', 'here']
 */
export function tokenizeEmail(text: string): string[] {
  checkText('tokenizeEmail', text);
  const m = /\r?\n\r?\n/.exec(text);
  const header = m ? text.slice(0, m.index) : text;
  const body = m ? text.slice(m.index + m[0].length) : '';
  let subject = '';
  const lines = header.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!/^subject:/i.test(lines[i])) continue;
    subject += ` ${lines[i].slice(8)}`;
    while (i + 1 < lines.length && /^[ \t]/.test(lines[i + 1])) subject += ` ${lines[++i]}`;
  }
  const out: string[] = [];
  const s = `${subject}\n${body}`;
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 0;
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    const word = (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57);
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const len = i - start;
      if (len >= 2 && len <= 20) out.push(s.slice(start, i).toLowerCase());
      start = -1;
    }
  }
  return out;
}
