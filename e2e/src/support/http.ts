/** Tiny fetch helpers for black-box API tests. */
export const baseUrl = (): string => {
  const url = process.env['E2E_BASE_URL'];
  if (!url)
    throw new Error(
      'E2E_BASE_URL is not set (the e2e global setup starts the API)',
    );
  return url;
};

export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  options: {
    body?: unknown;
    token?: string;
    cookie?: string;
    raw?: string;
  } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined || options.raw !== undefined)
    headers['Content-Type'] = 'application/json';
  if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
  if (options.cookie) headers['Cookie'] = options.cookie;
  const res = await fetch(`${baseUrl()}${path}`, {
    method,
    headers,
    body:
      options.raw ??
      (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: (text ? JSON.parse(text) : {}) as T,
    headers: res.headers,
  };
}

export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@e2e.mezzo.test`;
}
