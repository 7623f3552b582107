/**
 * Escaping for the three languages the pictures are written in. Names come from users (workflow,
 * task and graph node names), so none of them may end a statement, a label or an element early.
 */

/** A DOT double-quoted string; a line break in `text` stays a line break of the label. */
export function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

/** Text inside HTML, and inside a DOT HTML-like label, which follows the same rules. */
export function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A Mermaid identifier: letters, digits and underscores are all its grammar takes unquoted. */
export function mermaidId(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * Label text for Mermaid, on one line: a line break or `;` would end the statement, `:` starts a
 * state label, `#` an entity code and `"` closes a quoted label, so they are replaced rather than
 * escaped (Mermaid's entity escapes are not honoured in every diagram type).
 */
export function mermaidText(text: string): string {
  return text
    .replace(/[;:#\s]+/g, ' ')
    .replace(/"/g, "'")
    .trim();
}
