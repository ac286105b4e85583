/** Ids are UUIDs; a path segment that is not one can never match, so callers answer 404 without asking the database (which would raise a cast error). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID.test(s);
