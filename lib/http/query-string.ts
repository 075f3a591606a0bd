// Query strings for list pages: only the filters that are set.
export function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => Boolean(e[1])));
}

export function hrefWith(path: string, values: Record<string, string | undefined>): string {
  const qs = new URLSearchParams(definedOnly(values)).toString();
  return qs ? `${path}?${qs}` : path;
}
