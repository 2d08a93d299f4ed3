// Sets `memory=` under `[wsl2]` in a .wslconfig text and keeps everything else byte for byte: other keys, other
// sections, comments, blank lines and the file's line ends. WSL reads the file as INI
// (https://learn.microsoft.com/windows/wsl/wsl-config#wslconfig). Pure.

export interface WslMemoryEdit {
  text: string;
  /** What the line said before (`memory=4GB`), or null when there was none. */
  previous: string | null;
}

const SECTION = /^\s*\[([^\]]+)\]\s*(?:[#;].*)?$/;
const MEMORY = /^(\s*)(memory)(\s*)=(\s*)([^#;]*?)(\s*(?:[#;].*)?)$/i;

export function withWslMemory(original: string, value: string): WslMemoryEdit {
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const lines = original.length ? original.split(/\r?\n/) : [];
  // A trailing newline leaves one empty last element: keep it as the file's ending, not as a line.
  const endsWithEol = lines.length > 0 && lines[lines.length - 1] === '';
  if (endsWithEol) lines.pop();
  let section = '';
  let wsl2Header = -1;
  let lastInWsl2 = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const s = SECTION.exec(line);
    if (s) {
      section = (s[1] ?? '').trim().toLowerCase();
      if (section === 'wsl2' && wsl2Header < 0) {
        wsl2Header = i;
        lastInWsl2 = i;
      }
      continue;
    }
    if (section !== 'wsl2') continue;
    if (line.trim() && !/^\s*[#;]/.test(line)) lastInWsl2 = i;
    const m = MEMORY.exec(line);
    if (m) {
      // Replace the value only: the indentation and a trailing comment stay.
      lines[i] = `${m[1]}${m[2]}${m[3]}=${m[4]}${value}${m[6]}`;
      return { text: lines.join(eol) + (endsWithEol ? eol : ''), previous: line.trim() };
    }
  }
  if (wsl2Header >= 0) lines.splice(lastInWsl2 + 1, 0, `memory=${value}`);
  else {
    if (lines.length && lines[lines.length - 1]?.trim()) lines.push('');
    lines.push('[wsl2]', `memory=${value}`);
  }
  return { text: lines.join(eol) + eol, previous: null };
}
