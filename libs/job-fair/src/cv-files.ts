import { fileTypeFromBuffer } from 'file-type';
import { JobFairError, JobFairErrorCode } from './job-fair-error';

/** What a CV may be: a PDF or a photo/scan, as recognised from the bytes, never from the name or a declared type. */
export const CV_TYPES = new Map([
  ['application/pdf', 'PDF'],
  ['image/jpeg', 'JPEG'],
  ['image/png', 'PNG'],
]);
/** Bytes per CV, decoded; the API sizes the route's body limit from it. */
export const CV_MAX_BYTES = 5 * 1024 * 1024;

/** The CV's type read from its signature; refuses an empty, oversized or other file (an executable renamed .pdf). */
export async function checkCv(content: Buffer): Promise<string> {
  if (!content.length || content.length > CV_MAX_BYTES) {
    throw new JobFairError('invalid', JobFairErrorCode.CvSize, `简历文件 contentBase64 不能为空，且不超过 ${CV_MAX_BYTES / 1024 / 1024} MB`, { field: 'contentBase64' });
  }
  const type = await fileTypeFromBuffer(content);
  if (!type || !CV_TYPES.has(type.mime)) {
    throw new JobFairError('invalid', JobFairErrorCode.CvType, `简历文件 contentBase64 的内容须为 ${[...CV_TYPES.values()].join('、')}，而不是${type ? ` ${type.ext}` : '未知类型'}文件`, {
      field: 'contentBase64',
    });
  }
  return type.mime;
}
