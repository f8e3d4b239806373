/** Whether a path parameter can be a bigint row id (anything else is answered as not found, never sent to SQL). */
export function isId(id: string): boolean {
  return /^\d{1,18}$/.test(id);
}
