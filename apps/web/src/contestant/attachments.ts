/** What an appeal may carry (the API checks the bytes again): at most 3 files of up to 5 MB, these types. */
export const APPEAL_MAX_FILES = 3;
export const APPEAL_MAX_BYTES = 5 * 1024 * 1024;
export const APPEAL_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'video/mp4'];

export type AttachmentProblem = { kind: 'too_many'; max: number } | { kind: 'too_large'; name: string } | { kind: 'type'; name: string };

/** Why these files cannot go with an appeal, before they are read and sent; empty when they can. */
export function attachmentProblems(files: { name: string; size: number; type: string }[]): AttachmentProblem[] {
  const problems: AttachmentProblem[] = [];
  if (files.length > APPEAL_MAX_FILES) problems.push({ kind: 'too_many', max: APPEAL_MAX_FILES });
  for (const f of files) {
    if (!APPEAL_TYPES.includes(f.type)) problems.push({ kind: 'type', name: f.name });
    else if (f.size > APPEAL_MAX_BYTES) problems.push({ kind: 'too_large', name: f.name });
  }
  return problems;
}

/** A file as the API takes it: base64 of its bytes. */
export async function toAttachment(file: File): Promise<{ fileName: string; contentType: string; contentBase64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, contentType: file.type, contentBase64: btoa(binary) };
}
