/** A minimal browser for protocol tests: redirects followed by hand, cookies kept by name. */
/** Just enough of a browser: follows redirects by hand and keeps cookies by name. */
export class Browser {
  private readonly cookies = new Map<string, string>();

  async request(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) {
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Follows redirects until one leaves for `stopAt` (the RP's redirect URI) or a page is shown. */
  async follow(start: string | URL, stopAt: string): Promise<{ url: string; response?: Response }> {
    let url = new URL(start).toString();
    for (let hops = 0; hops < 20; hops++) {
      if (url.startsWith(stopAt)) return { url };
      const response = await this.request(url);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url, response };
      url = new URL(location, url).toString();
    }
    throw new Error('too many redirects');
  }
}

export function formAction(html: string, pageUrl: string): string {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form on the page:\n${html}`);
  return new URL(action.replaceAll('&amp;', '&'), pageUrl).toString();
}
