import { describe, expect, it } from 'vitest';
import { attachmentProblems, toAttachment } from '../src/contestant/attachments';

describe('an appeal’s attachments', () => {
  it('are at most three images, PDFs or videos of up to 5 MB', () => {
    expect(attachmentProblems([{ name: '终点录像截图.png', size: 1024, type: 'image/png' }])).toEqual([]);
    expect(attachmentProblems([{ name: 'a.exe', size: 10, type: 'application/x-msdownload' }])).toEqual([{ kind: 'type', name: 'a.exe' }]);
    expect(attachmentProblems([{ name: 'big.mp4', size: 6 * 1024 * 1024, type: 'video/mp4' }])).toEqual([{ kind: 'too_large', name: 'big.mp4' }]);
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `${i}.pdf`, size: 1, type: 'application/pdf' }));
    expect(attachmentProblems(four)).toEqual([{ kind: 'too_many', max: 3 }]);
  });

  it('travel as base64 of their bytes, names kept', async () => {
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], '截图.png', { type: 'image/png' });
    expect(await toAttachment(file)).toEqual({ fileName: '截图.png', contentType: 'image/png', contentBase64: 'iVBORw==' });
  });
});
