// Typed client shared by Radarr/Sonarr (/api/v3) and Prowlarr (/api/v1): X-Api-Key, providers, root folders, host config.
import * as z from 'zod';
import { createHttpJson, HttpFailure, type HttpCall, type HttpJson, type HttpRequest } from '../../http/http-json';
import {
  HostConfigSchema,
  ProviderListSchema,
  ProviderSchema,
  QualityProfileListSchema,
  RootFolderListSchema,
  RootFolderSchema,
  SystemStatusSchema,
  TagListSchema,
  TagSchema,
  ValidationFailureListSchema,
  type HostConfig,
  type Provider,
} from './arr-common-schemas';

export type ArrServiceName = 'Radarr' | 'Sonarr' | 'Prowlarr';
/**
 * Provider collections the wiring touches (indexer and indexerproxy: Prowlarr's; notification: Radarr/Sonarr Connect).
 */
export type ProviderKind = 'downloadclient' | 'applications' | 'notification' | 'indexer' | 'indexerproxy';

export interface ArrAccess {
  /** How this app reaches the service, e.g. `http://127.0.0.1:7878`. */
  url: string;
  apiKey: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  onCall?: (call: HttpCall) => void;
}

/** Outcome of a provider test or a save the service validated: `ok` or the service's own messages. */
export interface ProviderCheck {
  ok: boolean;
  messages: string[];
}

const apiRoot: Record<ArrServiceName, string> = { Radarr: '/api/v3', Sonarr: '/api/v3', Prowlarr: '/api/v1' };

export class ArrClient {
  readonly http: HttpJson;
  private readonly root: string;

  constructor(
    readonly service: ArrServiceName,
    access: ArrAccess,
  ) {
    this.root = apiRoot[service];
    this.http = createHttpJson({
      service,
      baseUrl: access.url,
      timeoutMs: access.timeoutMs,
      fetch: access.fetch,
      onCall: access.onCall,
      headers: () => ({ 'X-Api-Key': access.apiKey }),
      authFix: `The ${service} API key stored in the vault (${service.toLowerCase()}.api_key) does not match ${service}'s config.xml: re-run setup's "repair credentials" or copy the key from ${service} → Settings → General.`,
    });
  }

  systemStatus() {
    return this.http.json(SystemStatusSchema, { path: `${this.root}/system/status` });
  }

  listProviders(kind: ProviderKind): Promise<Provider[]> {
    return this.http.json(ProviderListSchema, { path: `${this.root}/${kind}` });
  }

  /** Templates for every implementation, with every field the service expects; new providers are built from these. */
  providerTemplates(kind: ProviderKind): Promise<Provider[]> {
    return this.http.json(ProviderListSchema, { path: `${this.root}/${kind}/schema` });
  }

  /** Saves without forceSave, so the service tests the provider first and refuses (400) rather than store a broken one. */
  createProvider(kind: ProviderKind, provider: Provider): Promise<Provider> {
    return this.write(
      ProviderSchema,
      { method: 'POST', path: `${this.root}/${kind}`, json: provider },
      `save ${provider.name ?? kind}`,
    );
  }

  updateProvider(kind: ProviderKind, provider: Provider): Promise<Provider> {
    if (provider.id === undefined) throw new Error(`updateProvider needs an id (${provider.name ?? kind})`);
    return this.write(
      ProviderSchema,
      { method: 'PUT', path: `${this.root}/${kind}/${provider.id}`, json: provider },
      `save ${provider.name ?? kind}`,
    );
  }

  /** The service's own test (it connects to the target with the stored settings). A test is a read: it changes nothing. */
  async testProvider(kind: ProviderKind, provider: Provider): Promise<ProviderCheck> {
    const res = await this.http.send({
      method: 'POST',
      path: `${this.root}/${kind}/test`,
      json: provider,
      write: false,
      acceptStatus: [400],
    });
    if (res.status !== 400) return { ok: true, messages: [] };
    return { ok: false, messages: this.failureMessages(res.text) };
  }

  /** Removes one provider (only ever for a section of arr.yml with `prune: true`, after the user confirmed). */
  async deleteProvider(kind: ProviderKind, id: number): Promise<void> {
    await this.http.send({ method: 'DELETE', path: `${this.root}/${kind}/${id}` });
  }

  async deleteRootFolder(id: number): Promise<void> {
    await this.http.send({ method: 'DELETE', path: `${this.root}/rootfolder/${id}` });
  }

  /** A resource read as JSON (loose: sent back on PUT as read, so unknown keys survive). */
  getJson<S extends z.ZodType>(schema: S, path: string): Promise<z.infer<S>> {
    return this.http.json(schema, { path: `${this.root}/${path}` });
  }

  /** POST/PUT of a resource the service validates: a 400 is its list of reasons, nothing stored. */
  writeJson<S extends z.ZodType>(
    schema: S,
    method: 'POST' | 'PUT',
    path: string,
    body: unknown,
    what: string,
  ): Promise<z.infer<S>> {
    return this.write(schema, { method, path: `${this.root}/${path}`, json: body }, what);
  }

  tags() {
    return this.http.json(TagListSchema, { path: `${this.root}/tag` });
  }

  /** The services answer an existing label with that tag instead of a second one (TagService.Add). */
  addTag(label: string) {
    return this.write(TagSchema, { method: 'POST', path: `${this.root}/tag`, json: { label } }, `add tag ${label}`);
  }

  rootFolders() {
    return this.http.json(RootFolderListSchema, { path: `${this.root}/rootfolder` });
  }

  addRootFolder(path: string) {
    return this.write(
      RootFolderSchema,
      { method: 'POST', path: `${this.root}/rootfolder`, json: { path } },
      `add root folder ${path}`,
    );
  }

  hostConfig(): Promise<HostConfig> {
    return this.http.json(HostConfigSchema, { path: `${this.root}/config/host` });
  }

  putHostConfig(config: HostConfig): Promise<HostConfig> {
    return this.write(
      HostConfigSchema,
      { method: 'PUT', path: `${this.root}/config/host/${config.id}`, json: config },
      'save host settings',
    );
  }

  qualityProfiles() {
    return this.http.json(QualityProfileListSchema, { path: `${this.root}/qualityprofile` });
  }

  /** A write whose 400 answer is the service's list of validation failures: nothing was stored, say why. */
  private async write<S extends z.ZodType>(schema: S, req: HttpRequest, what: string): Promise<z.infer<S>> {
    const res = await this.http.send({ ...req, acceptStatus: [400] });
    if (res.status === 400) {
      const why = this.failureMessages(res.text).join('; ');
      throw new HttpFailure(
        'http-error',
        this.service,
        400,
        `${this.service} refused to ${what}: ${why}.`,
        `Fix what ${this.service} reports (usually the target is not reachable from the ${this.service} container), then apply again.`,
      );
    }
    let data: unknown;
    try {
      data = JSON.parse(res.text);
    } catch {
      data = Symbol('not-json');
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new HttpFailure(
        'malformed',
        this.service,
        res.status,
        `${this.service} answered "${what}" with unexpected content.`,
        `Check that ${this.http.where} points at ${this.service} itself and that its version is a supported one.`,
      );
    }
    return parsed.data;
  }

  private failureMessages(text: string): string[] {
    try {
      const parsed = ValidationFailureListSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data.map((f) => f.errorMessage ?? '').filter(Boolean);
    } catch {
      /* not JSON: fall through to the raw text */
    }
    return [text.slice(0, 200) || 'test failed without a message'];
  }
}

export const ArrAccessSchema = z.object({ url: z.url(), apiKey: z.string().min(1) });
