/** The extension's one database, in its own origin. */
export const DB_NAME = 'adoption-sidebar';

/**
 * Whether the database exists, without opening it (opening would make it, or start its upgrade):
 * a worker that has just been installed decides what to register from the defaults, so the first
 * open stays with the first request that needs the store.
 */
export async function databaseExists(factory: Pick<IDBFactory, 'databases'> = indexedDB): Promise<boolean> {
  const databases = await factory.databases().catch(() => undefined);
  // A browser that cannot list them: assume it exists, and read it.
  return databases === undefined || databases.some((db) => db.name === DB_NAME);
}
