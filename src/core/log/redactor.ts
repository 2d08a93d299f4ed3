// Redaction by value (docs/decisions.md D4): every secret the process has seen is replaced wherever it appears in text,
// whatever key or message carries it. The vault feeds it; the logger and error paths use it.
export const REDACTED = '[REDACTED]';

export interface Redactor {
  /** Remember a secret value; every later redact() replaces it. */
  add(value: string): void;
  forget(value: string): void;
  redact(text: string): string;
  /** Deep copy of a value with every string redacted (objects, arrays, Error message/stack). */
  redactDeep<T>(value: T): T;
  readonly size: number;
}

/** The forms a value takes once it is written somewhere: as-is, JSON-escaped (log lines), URL-encoded (URLs). */
function formsOf(value: string): string[] {
  const forms = new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]);
  return [...forms].filter((f) => f.length > 0);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createRedactor(): Redactor {
  const values = new Set<string>();
  let forms: string[] = [];
  let pattern: RegExp | null = null;

  const rebuild = () => {
    // Longest first, so a secret that contains another secret is replaced whole.
    forms = [...new Set([...values].flatMap(formsOf))].sort((a, b) => b.length - a.length);
    pattern = forms.length ? new RegExp(forms.map(escapeRegExp).join('|'), 'g') : null;
  };

  // Most lines carry no secret: plain substring checks are much cheaper than the alternation (see bench `vault`).
  const redact = (text: string) =>
    pattern && forms.some((f) => text.includes(f)) ? text.replace(pattern, REDACTED) : text;

  const deep = (v: unknown, seen: WeakMap<object, unknown>): unknown => {
    if (typeof v === 'string') return redact(v);
    if (v === null || typeof v !== 'object') return v;
    if (seen.has(v)) return seen.get(v);
    if (v instanceof Error) {
      const copy = new Error(redact(v.message));
      seen.set(v, copy);
      copy.name = v.name;
      copy.stack = v.stack === undefined ? undefined : redact(v.stack);
      for (const [k, x] of Object.entries(v)) (copy as unknown as Record<string, unknown>)[k] = deep(x, seen);
      if (v.cause !== undefined) copy.cause = deep(v.cause, seen);
      return copy;
    }
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      seen.set(v, out);
      for (const x of v) out.push(deep(x, seen));
      return out;
    }
    const out: Record<string, unknown> = {};
    seen.set(v, out);
    for (const [k, x] of Object.entries(v)) out[redact(k)] = deep(x, seen);
    return out;
  };

  return {
    add(value) {
      if (!value || values.has(value)) return;
      values.add(value);
      rebuild();
    },
    forget(value) {
      if (values.delete(value)) rebuild();
    },
    redact,
    redactDeep: <T>(value: T) => deep(value, new WeakMap()) as T,
    get size() {
      return values.size;
    },
  };
}

/** The process-wide redactor: the vault adds every value it stores or reads; loggers and error paths read it. */
export const secretRedactor: Redactor = createRedactor();
