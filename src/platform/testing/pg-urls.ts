/** The same server URL pointing at another database. */
export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The maintenance database, for CREATE/DROP DATABASE. */
export const adminUrl = (url: string) => withDatabaseName(url, 'postgres');
