import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type ErrorBody = Schemas['ErrorBody'];

const TOKEN_KEY = 'ue.token';

/** The signed-in person's token: kept for the tab (sessionStorage), since judges share tablets. */
export const token = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (value: string | null) => (value ? sessionStorage.setItem(TOKEN_KEY, value) : sessionStorage.removeItem(TOKEN_KEY)),
};

let language = 'zh-CN';
export const setApiLanguage = (lang: string) => {
  language = lang;
};

/** A refused call: the API's code and its message (in the page's language), the field details and the body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Partial<ErrorBody> & Record<string, unknown>,
  ) {
    super(body.message ?? `HTTP ${status}`);
  }
  get code(): string | undefined {
    return this.body.code;
  }
}

const auth: Middleware = {
  onRequest({ request }) {
    const t = token.get();
    if (t) request.headers.set('authorization', `Bearer ${t}`);
    request.headers.set('accept-language', language);
    return request;
  },
};

/** The client typed from the API's OpenAPI document: a changed API fails the web build. */
export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

/** The data of a call, or an ApiError carrying the refusal. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, (error ?? {}) as ErrorBody);
  return data as T;
}

/** Binary answers (certificates, spreadsheets) with the caller's token, saved as a file. */
export async function download(path: string, filename: string): Promise<void> {
  const t = token.get();
  const res = await fetch(path, { headers: t ? { authorization: `Bearer ${t}` } : {} });
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => ({})));
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
