// Guard: no text in src/core or src/renderer (every string, template and JSX text, tests included) names a `ups`
// command or one of its flags, since any of it can reach a screen; the command line shows only through a fix action,
// which the CLI prints (docs/decisions.md D15). Command names and flags come from the real command tree.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandTree } from './program';

const root = path.resolve(__dirname, '../..');
const scanned = ['src/core', 'src/renderer'];
/** Other programs' commands the app tells the user to run (wsl.exe, winget, docker, the keyring): their flags are theirs. */
const otherTool = /\b(wsl(\.exe)?|winget|docker|compose|gnome-keyring-daemon|dbus-run-session|wget|netsh)\b/;

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(path.join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')
        ? [path.join(dir, e.name)]
        : [],
  );
}

/** Every piece of text a file's code holds (not its comments), with its line. */
function texts(file: string, source: string): { line: number; text: string }[] {
  const sf = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isJsxText(node)) text = node.text;
    else if (ts.isTemplateExpression(node))
      text = [node.head.text, ...node.templateSpans.map((s) => `\${…}${s.literal.text}`)].join('');
    if (text !== undefined) out.push({ line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

let commands: string[] = [];
let flags = new Set<string>();
beforeAll(async () => {
  const tree = await commandTree({
    version: 't',
    app: () => Promise.reject(new Error('unused')),
    serve: async () => 0,
    io: { out: () => undefined, err: () => undefined },
  });
  commands = tree.commands.map((c) => c.name());
  const walk = (c: typeof tree): string[] => [...c.options.map((o) => o.long ?? ''), ...c.commands.flatMap(walk)];
  flags = new Set([...walk(tree), '--help'].filter(Boolean));
});

/** What in one text names our CLI: `ups <command>`, or one of its flags inside prose (not an argv token of its own). */
function cliMentions(text: string): string[] {
  const found: string[] = [];
  const command = new RegExp(`\\bups\\s+(${commands.join('|')})\\b`, 'g');
  for (const m of text.matchAll(command)) found.push(m[0]);
  if (/^--[a-z][a-z-]*$/.test(text) || otherTool.test(text)) return found;
  for (const m of text.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)) if (flags.has(m[0])) found.push(m[0]);
  return found;
}

describe('no GUI-visible text names a ups command or flag', () => {
  it('knows the command tree (so the guard has something to look for)', () => {
    expect(commands).toEqual(expect.arrayContaining(['apply', 'plex', 'secrets', 'migrate', 'init', 'doctor', 'up']));
    expect([...flags]).toEqual(expect.arrayContaining(['--from', '--to', '--json', '--config', '--delete-source']));
  });

  it('finds what it must find, and lets argv tokens and other tools pass', () => {
    expect(cliMentions('Run `ups apply` again.')).toEqual(['ups apply']);
    expect(cliMentions('then ups migrate resume')).toEqual(['ups migrate']);
    expect(cliMentions('Pass --from PATH.')).toEqual(['--from']);
    expect(cliMentions('Plan again without --from.')).toEqual(['--from']);
    expect(cliMentions('--timeout')).toEqual([]);
    expect(cliMentions('wsl --version printed nothing.')).toEqual([]);
    expect(cliMentions('Run Ultimate Plex Stack inside a desktop session')).toEqual([]);
  });

  it('holds for every file in src/core and src/renderer', () => {
    const hits: string[] = [];
    for (const file of scanned.flatMap(files)) {
      // Tests are never shown to a user, and the text-rule tests hold forbidden samples on purpose.
      if (/\.test\.tsx?$/.test(file)) continue;
      const source = readFileSync(path.join(root, file), 'utf8');
      // Parsing is the slow part: a file with neither "ups " nor "--" cannot hold a mention.
      if (!/\bups\s|--[a-z]/.test(source)) continue;
      for (const { line, text } of texts(file, source))
        for (const m of cliMentions(text)) hits.push(`${file}:${line}: ${m}`);
    }
    expect(hits).toEqual([]);
  });
});
