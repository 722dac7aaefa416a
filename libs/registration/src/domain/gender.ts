export type Gender = 'male' | 'female';

export const GENDER_LABELS: Readonly<Record<Gender, string>> = { male: '男', female: '女' };

/** Spreadsheet and form input: only the two characters the roster template offers. */
export function parseGenderLabel(value: string): Gender | null {
  const v = value.trim();
  if (v === '男') return 'male';
  if (v === '女') return 'female';
  return null;
}
