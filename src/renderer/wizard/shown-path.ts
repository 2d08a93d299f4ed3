// Paths as the user's platform writes them: a Windows root (D:\Media or \\nas\share) joins with "\", never "D:\Media/media".
// The stack config stores Windows paths with "/" (D:/Media), so the root itself is converted back too.
const isWindowsPath = (root: string) => /^[A-Za-z]:([\\/]|$)|^\\\\/.test(root) || root.includes('\\');

/** Joins a root with relative parts using the root's own separator; parts may use "/" (they are converted). */
export function joinShown(root: string, ...parts: string[]): string {
  const sep = isWindowsPath(root) ? '\\' : '/';
  const native = sep === '\\' ? root.replace(/\//g, '\\') : root;
  const head = native.replace(/[\\/]+$/, '');
  const rest = parts.flatMap((p) => p.split(/[\\/]+/)).filter(Boolean);
  // A bare root ("/" or "D:") keeps its one separator.
  if (head === '' || /^[A-Za-z]:$/.test(head)) return head + sep + rest.join(sep);
  return [head, ...rest].join(sep);
}
