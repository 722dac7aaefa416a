/** WGS-84 decimal degrees of a checkpoint, as organizers give them. */
export interface Coordinates {
  latitude?: number | null;
  longitude?: number | null;
}

/**
 * What is wrong with a checkpoint's coordinates, or null: both or neither, latitude within ±90,
 * longitude within ±180. One without the other would put a marker nowhere.
 */
export function coordinatesProblem(c: Coordinates): { field: 'latitude' | 'longitude'; message: string } | null {
  const lat = c.latitude ?? null;
  const lng = c.longitude ?? null;
  if ((lat === null) !== (lng === null)) return { field: lat === null ? 'latitude' : 'longitude', message: '经纬度须同时填写或同时留空' };
  if (lat !== null && !(lat >= -90 && lat <= 90)) return { field: 'latitude', message: '纬度须在 -90 到 90 之间' };
  if (lng !== null && !(lng >= -180 && lng <= 180)) return { field: 'longitude', message: '经度须在 -180 到 180 之间' };
  return null;
}
