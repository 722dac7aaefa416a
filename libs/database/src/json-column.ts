/**
 * A JSON column as read by a raw query: MariaDB keeps JSON as LONGTEXT, so mysql2 hands it back
 * as a string, where MySQL would hand back the parsed value. Either way, the value.
 */
export function jsonColumn<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}
