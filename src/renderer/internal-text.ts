// Text a non-expert should never read as the main message: internal ids, field paths, command lines, HTTP
// and errno codes, image references, "idempotent", "State:". Errors whose words match go under "Technical details";
// the e2e scanner (tests/helpers/plain-text-scan.ts) holds every screen to the same rules.

/** Internal service and provider ids: fine inside an address (plex.tv, ups-admin), not as a word on their own. */
const internalIds = [
  'plex',
  'seerr',
  'radarr',
  'sonarr',
  'prowlarr',
  'bazarr',
  'tdarr',
  'qbittorrent',
  'nzbget',
  'vpn',
  'gluetun',
  'nordvpn',
  'mullvad',
  'protonvpn',
  'surfshark',
  'expressvpn',
  'wireguard',
  'openvpn',
];
/** Words that look like code but are names people use. */
const allowed = new Set(['qBittorrent', 'iPhone', 'iPad', 'macOS', 'eMail']);
/** a.b shapes that are file names or web addresses a user may well read (compose.yaml, plex.tv). */
const fileOrDomain = /\.(ya?ml|json|txt|png|log|env|tv|com|org|net|io|app|exe|zip)$/i;

const rules: { name: string; re: RegExp; keep?: (hit: string, text: string, at: number) => boolean }[] = [
  { name: 'backtick', re: /`[^`\n]*`?/g },
  { name: 'ups command', re: /(^|[^\w-])ups [a-z]/g },
  { name: 'flag', re: /(^|\s)--?[a-z][\w-]*/g },
  { name: 'http status', re: /\bHTTP\/?[\d.]*\s?\d{3}\b/gi },
  { name: 'errno code', re: /\bE[A-Z]{3,}\b/g },
  { name: 'env or error code', re: /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g },
  { name: 'snake_case id', re: /\b[a-z][a-z0-9]*_[a-z0-9_]+\b/g },
  {
    name: 'camelCase id',
    re: /\b[a-z]+[A-Z][a-zA-Z0-9]*\b/g,
    keep: (hit) => !allowed.has(hit),
  },
  {
    name: 'dotted id or field path',
    re: /(?<![\w/@.-])[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+(?![\w/@-])/g,
    keep: (hit, text, at) => !fileOrDomain.test(hit) && text[at - 1] !== '.' && !/^(www\.|e\.g|i\.e)/.test(hit),
  },
  { name: 'image reference', re: /\b[a-z0-9][a-z0-9._-]*(\/[a-z0-9._-]+)+:[\w.-]+/g },
  { name: 'image or container id', re: /\bsha256:[0-9a-f]{6,}|\b[0-9a-f]{12,64}\b/g },
  { name: 'html', re: /<\/?[a-z][a-z0-9]*(\s[^>]*)?>|<!doctype/gi },
  { name: 'traceback', re: /Traceback \(most recent call last\)/g },
  { name: 'idempotent', re: /idempotent/gi },
  { name: 'State:', re: /\bState:/g },
  { name: 'exit status', re: /exited with (code )?\d+/gi },
  { name: 'admin command', re: /\b(sudo|systemctl|wsl --|docker (compose|run|ps|version))\b/g },
  {
    name: 'internal id',
    re: new RegExp(`(?<![\\w./@:-])(${internalIds.join('|')})(?![\\w/@:-]|\\.[a-z])`, 'g'),
  },
];

/** Every bit of `visibleText` a non-expert should not have to read, as "rule: snippet" (empty when the text is plain). */
export function findInternalText(visibleText: string): string[] {
  const found: string[] = [];
  for (const rule of rules) {
    for (const m of visibleText.matchAll(rule.re)) {
      const hit = m[0].trim();
      if (!hit) continue;
      if (rule.keep && !rule.keep(hit, visibleText, m.index + m[0].indexOf(hit))) continue;
      found.push(`${rule.name}: ${hit}`);
    }
  }
  return found;
}

/** Longer than this, a message is not "a plain sentence" (at most 20 words). */
const MAX_WORDS = 25;

/**
 * A web address inside an error ("Check that http://127.0.0.1:7878 points at Radarr"): fine on a page that lists where
 * each app opens, never in the main message of a problem, where it belongs under "Technical details".
 */
const webAddress = /\bhttps?:\/\/[a-z0-9[]/i;

/** True when `text` can be the main message: short, no web address, and none of the rules above finds anything in it. */
export function isPlainText(text: string): boolean {
  return (
    text.trim().split(/\s+/).length <= MAX_WORDS &&
    !text.includes('\n') &&
    !webAddress.test(text) &&
    findInternalText(text).length === 0
  );
}

/** "vpn.user: must not be empty" → "Must not be empty": the field is named by the box it sits under already. */
export function withoutFieldPath(message: string, field?: string): string {
  let rest: string | undefined;
  if (field && message.startsWith(`${field}: `)) rest = message.slice(field.length + 2);
  else {
    // A lower-case id with a dot or a capital inside (installRoot, vpn.user, services.qbittorrent) before ": ".
    const m = /^([a-z][a-zA-Z0-9_]*(?:\.[a-zA-Z0-9_[\]]+)*): /.exec(message);
    if (m && /[.A-Z_]/.test(m[1]!)) rest = message.slice(m[0].length);
  }
  return rest === undefined ? message : rest.charAt(0).toUpperCase() + rest.slice(1);
}
