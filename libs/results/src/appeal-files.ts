import { fileTypeFromBuffer } from 'file-type';
import type { SqlRunner } from '@app/database';
import { ResultsError, ResultsErrorCode } from './results-error';

/**
 * What an appeal may carry and how often one entry may appeal. The API sizes the route's body
 * limit from these, so the limit and the rules cannot drift apart.
 */
export const APPEAL_LIMITS = {
  /** Files per appeal. */
  maxAttachments: 3,
  /** Bytes per file, decoded. */
  maxAttachmentBytes: 5 * 1024 * 1024,
  /** Appeals per entry over all its notices: a new notice after a correction may deserve another, not endless ones. */
  maxAppealsPerEntry: 3,
} as const;

/** Length of the base64 text of `bytes` bytes (4 characters per 3 bytes, padded). */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;

/** The types an appeal's evidence may have: photos, scans and video, as recognised from the bytes themselves. */
const ALLOWED = new Map([
  ['image/jpeg', 'JPEG'],
  ['image/png', 'PNG'],
  ['image/webp', 'WebP'],
  ['application/pdf', 'PDF'],
  ['video/mp4', 'MP4'],
]);
const ALLOWED_NAMES = [...ALLOWED.values()].join('、');

export interface AttachmentInput {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/**
 * Refuses a file whose declared type is not allowed, whose bytes are not one of the allowed types,
 * or whose bytes are another type than declared: what is stored is what the bytes are.
 */
export async function checkAttachments(files: AttachmentInput[]): Promise<void> {
  if (files.length > APPEAL_LIMITS.maxAttachments) {
    throw invalid('attachments', `每次申诉最多 ${APPEAL_LIMITS.maxAttachments} 个附件`);
  }
  for (const [i, a] of files.entries()) {
    const field = `attachments[${i}]`;
    if (!ALLOWED.has(a.contentType)) throw invalid(`${field}.contentType`, `${field}.contentType 只接受 ${ALLOWED_NAMES} 文件`);
    if (!a.content.length || a.content.length > APPEAL_LIMITS.maxAttachmentBytes) {
      throw invalid(`${field}.contentBase64`, `${field} 不能为空，且不超过 ${APPEAL_LIMITS.maxAttachmentBytes / 1024 / 1024} MB`);
    }
    const found = await detectedType(a.content);
    if (!found) throw invalid(`${field}.contentBase64`, `${field} 的内容不是 ${ALLOWED_NAMES} 文件`);
    if (found !== a.contentType) throw invalid(`${field}.contentType`, `${field} 声明为 ${a.contentType}，内容却是 ${found}`);
  }
}

/** The allowed type the bytes are, or undefined: read from the file's own signature, never from what a client said. */
export async function detectedType(content: Buffer): Promise<string | undefined> {
  const type = await fileTypeFromBuffer(content);
  return type && ALLOWED.has(type.mime) ? type.mime : undefined;
}

function invalid(field: string, message: string): ResultsError {
  return new ResultsError('invalid', ResultsErrorCode.InvalidAttachment, message, { field });
}

/** Stores an appeal's files, already checked, in the transaction that files it. */
export async function storeAttachments(m: SqlRunner, appealId: number, files: AttachmentInput[]): Promise<void> {
  if (!files.length) return;
  await m.query('INSERT INTO appeal_attachments (appeal_id, file_name, content_type, size, content) VALUES ?', [
    files.map((a) => [appealId, a.fileName, a.contentType, a.content.length, a.content]),
  ]);
}

/** One file of an appeal, served as what its bytes are (a file stored before types were checked included), else as opaque bytes. */
export async function readAttachment(sql: SqlRunner, appealId: number, attachmentId: number): Promise<AttachmentInput> {
  const [row]: AttachmentInput[] = await sql.query('SELECT file_name AS fileName, content_type AS contentType, content FROM appeal_attachments WHERE id = ? AND appeal_id = ?', [
    attachmentId,
    appealId,
  ]);
  if (!row) throw new ResultsError('not_found', ResultsErrorCode.AttachmentNotFound, `附件不存在：${attachmentId}`);
  return { ...row, contentType: (await detectedType(row.content)) ?? 'application/octet-stream' };
}
