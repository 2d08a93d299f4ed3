// NZBGet JSON-RPC client (electron-free): positional params, Basic auth, and a saveconfig that can never drop options.
import * as z from 'zod';
import { UpsFailure } from '../../contract';
import { fixAction } from '../../contract/fix-action';
import { createHttpJson, HttpFailure, type HttpCall } from '../../http/http-json';

export interface NzbgetCredential {
  username: string;
  password: string;
}

export interface NzbgetClientOptions {
  baseUrl: string;
  /** The generated, permanent login (from the vault). Tried first. */
  credential: NzbgetCredential;
  /** The install-time login (`nzbget`/`tegbzn6789` in the stock config), tried once if the first one is refused. */
  initial?: NzbgetCredential;
  timeoutMs?: number;
  onCall?: (call: HttpCall) => void;
  fetch?: typeof fetch;
}

export const NzbgetOptionSchema = z.object({ Name: z.string(), Value: z.string() });
export type NzbgetOption = z.infer<typeof NzbgetOptionSchema>;
const OptionsSchema = z.array(NzbgetOptionSchema);

const RpcAnswerSchema = z
  .object({ result: z.unknown().optional(), error: z.object({ message: z.string() }).loose().nullish() })
  .loose();

/** Methods that change NZBGet; everything else over POST is a read. */
const WRITES = new Set(['saveconfig', 'reload', 'shutdown']);

export interface NzbgetClient {
  readonly where: string;
  loggedInWith(): Promise<'credential' | 'initial'>;
  adoptCredential(): void;
  version(): Promise<string>;
  /** The options as stored in the file (`${MainDir}` references kept): the only safe base for saveconfig. */
  loadConfig(): Promise<NzbgetOption[]>;
  /** The options the running program uses (references substituted). */
  config(): Promise<NzbgetOption[]>;
  /** Saves the FULL list; refuses a list shorter than the file's, since NZBGet drops every option left out. */
  saveConfig(options: NzbgetOption[]): Promise<void>;
  /**
   * Restarts NZBGet with the saved file and waits until it answers again. `adoptCredential`: the saved file holds the
   * permanent login, so reload is sent with the old one and the waiting is done with the new one.
   */
  reloadAndWait(opts?: { adoptCredential?: boolean; timeoutMs?: number }): Promise<void>;
  /** Has NZBGet connect to a news server; '' when it connected (and logged in), else NZBGet's own error text. */
  testServer(server: NzbgetTestServer): Promise<string>;
}

export interface NzbgetTestServer {
  host: string;
  port: number;
  username: string;
  password: string;
  tls: boolean;
  timeoutS: number;
}

export function createNzbgetClient(o: NzbgetClientOptions): NzbgetClient {
  let active: NzbgetCredential | null = null;
  let which: 'credential' | 'initial' = 'credential';
  let loginFailure: UpsFailure | null = null;
  let initial = o.initial;
  let probing: NzbgetCredential = o.credential;

  const http = createHttpJson({
    service: 'NZBGet',
    baseUrl: o.baseUrl,
    timeoutMs: o.timeoutMs,
    onCall: o.onCall,
    fetch: o.fetch,
    headers: () => {
      const c = active ?? probing;
      // connection: close: NZBGet drops kept-alive sockets (after a 401, on reload) and a reused dead socket fails the
      // next call with "other side closed"; one connection per call is cheap for the handful of calls wiring makes.
      return {
        authorization: `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`,
        connection: 'close',
      };
    },
    authFix:
      "Set NZBGet's ControlUsername/ControlPassword (Settings → Security) to the ones stored for this install, or store the password NZBGet uses now; then repair the links.",
    authAction: fixAction('secrets.set', { name: 'nzbget.password' }, 'Replace the stored NZBGet password'),
  });

  async function rawRpc(method: string, params: unknown[]): Promise<unknown> {
    // Positional params only: NZBGet ignores names, and every parameter is mandatory.
    const answer = await http.json(RpcAnswerSchema, {
      method: 'POST',
      path: '/jsonrpc',
      json: { method, params, id: 1 },
      write: WRITES.has(method),
    });
    if (answer.error) {
      throw new UpsFailure({
        code: 'INTERNAL',
        message: `NZBGet refused ${method}: ${answer.error.message}.`,
        fix: 'Check that this NZBGet version supports the call (21 or newer), then try again.',
      });
    }
    return answer.result;
  }

  /** Finds the login that works, at most one attempt per credential; a refusal is final (no loop). */
  async function ensureLogin(): Promise<void> {
    if (loginFailure) throw loginFailure;
    if (active) return;
    for (const [c, kind] of [
      [o.credential, 'credential'],
      [initial, 'initial'],
    ] as const) {
      if (!c) continue;
      probing = c;
      try {
        await rawRpc('version', []);
        active = c;
        which = kind;
        return;
      } catch (err) {
        if (!(err instanceof HttpFailure && err.kind === 'unauthorized')) throw err;
      }
    }
    loginFailure = new UpsFailure({
      code: 'UNAUTHORIZED',
      message: `NZBGet at ${http.where} rejected the login for user "${o.credential.username}"${initial ? ' (the generated and the initial password)' : ''}.`,
      fix: "Set NZBGet's ControlUsername/ControlPassword (Settings → Security, or nzbget.conf) to the ones stored for this install, or store the password NZBGet uses now; then repair the links.",
      action: fixAction('secrets.set', { name: 'nzbget.password' }, 'Replace the stored NZBGet password'),
    });
    throw loginFailure;
  }

  function adopt(): void {
    active = o.credential;
    probing = o.credential;
    which = 'credential';
    initial = undefined;
  }

  async function rpc<S extends z.ZodType>(method: string, params: unknown[], schema: S): Promise<z.infer<S>> {
    await ensureLogin();
    const result = schema.safeParse(await rawRpc(method, params));
    if (!result.success) {
      throw new HttpFailure(
        'malformed',
        'NZBGet',
        200,
        `NZBGet answered ${method} with an unexpected result (${result.error.issues[0]?.message}).`,
        `Check that ${http.where} points at NZBGet 21 or newer.`,
      );
    }
    return result.data;
  }

  return {
    where: http.where,
    async loggedInWith() {
      await ensureLogin();
      return which;
    },
    adoptCredential: adopt,
    version: () => rpc('version', [], z.string()),
    loadConfig: () => rpc('loadconfig', [], OptionsSchema),
    config: () => rpc('config', [], OptionsSchema),
    async saveConfig(options) {
      const onDisk = await rpc('loadconfig', [], OptionsSchema);
      const names = new Set(options.map((x) => x.Name));
      const missing = onDisk.filter((x) => !names.has(x.Name)).map((x) => x.Name);
      if (options.length === 0 || missing.length > 0) {
        throw new UpsFailure({
          code: 'INTERNAL',
          message: `Refusing to save NZBGet's config without ${missing.slice(0, 5).join(', ') || 'any option'}: NZBGet would delete them.`,
          fix: 'This is a bug in the wiring step; report it. Nothing was written.',
        });
      }
      if (!(await rpc('saveconfig', [options], z.boolean()))) {
        throw new UpsFailure({
          code: 'INTERNAL',
          message: `NZBGet at ${http.where} could not save its config file.`,
          fix: 'Check that NZBGet can write its config file (volume permissions), then try again.',
        });
      }
    },
    testServer: (t) =>
      // Eight positional params: v26.0 daemon/remote/XmlRpc.cpp TestServerXmlCommand::ParseRequestParams refuses fewer
      // than 8 (host, port, username, password, encryption, cipher, timeout, certVerificationLevel); 21.0 reads the
      // first seven and ignores the rest. Level 2 = Strict, the template's Server1.CertVerification (v26.0 nzbget.conf).
      rpc('testserver', [t.host, t.port, t.username, t.password, t.tls, '', t.timeoutS, 2], z.string()),
    async reloadAndWait({ adoptCredential = false, timeoutMs = 30_000 } = {}) {
      await rpc('reload', [], z.boolean());
      if (adoptCredential) adopt();
      const deadline = Date.now() + timeoutMs;
      // NZBGet restarts in-process; poll `version` (a read, same login) until it answers again.
      for (;;) {
        await new Promise((r) => setTimeout(r, 300));
        try {
          await rawRpc('version', []);
          return;
        } catch (err) {
          // Down while restarting: refused/reset, or a 502/503/504 from a proxy in front of it (docker-proxy, gluetun).
          const restarting =
            err instanceof HttpFailure &&
            (err.kind === 'unreachable' || err.kind === 'timeout' || [502, 503, 504].includes(err.status ?? 0));
          if (!restarting) throw err;
          if (Date.now() > deadline) throw err;
        }
      }
    },
  };
}
