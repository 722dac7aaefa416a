import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import * as QRCode from 'qrcode';
import { launch } from './browser';

const WIDTH = 320;
const HEIGHT = 240;
const FPS = 10;

/**
 * A video of QR codes for Chromium's fake camera, made at test time: each payload is shown for
 * `secondsEach`, then a blank gap as if the person stepped away, and Chromium loops the file.
 * Y4M (uncompressed I420) is what `--use-file-for-fake-video-capture` reads without a codec.
 */
export function fakeCameraVideo(payloads: string | string[], secondsEach = 2): string {
  const codes = Array.isArray(payloads) ? payloads : [payloads];
  const framesEach = Math.round(secondsEach * FPS);
  const chunks: Buffer[] = [Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F${FPS}:1 Ip A1:1 C420jpeg\n`)];
  const blank = i420Frame(null);
  for (const code of codes) {
    const frame = i420Frame(QRCode.create(code, { errorCorrectionLevel: 'M' }).modules);
    for (let i = 0; i < framesEach; i += 1) chunks.push(frame);
    for (let i = 0; i < framesEach; i += 1) chunks.push(blank);
  }
  const file = join(mkdtempSync(join(tmpdir(), 'fake-camera-')), 'qr.y4m');
  writeFileSync(file, Buffer.concat(chunks));
  return file;
}

/** Chromium whose only camera plays `videoFile`, with the permission prompt answered "allow". */
export function launchWithCamera(videoFile: string): Promise<Browser> {
  return launch(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${videoFile}`]);
}

/** One frame: the code's dark modules black on white, centred with a quiet zone; chroma neutral. */
function i420Frame(modules: { size: number; get(row: number, col: number): number } | null): Buffer {
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  if (modules) {
    const scale = Math.floor((HEIGHT - 40) / modules.size);
    const left = Math.floor((WIDTH - modules.size * scale) / 2);
    const top = Math.floor((HEIGHT - modules.size * scale) / 2);
    for (let y = 0; y < modules.size * scale; y += 1) {
      for (let x = 0; x < modules.size * scale; x += 1) {
        if (modules.get(Math.floor(y / scale), Math.floor(x / scale))) luma[(top + y) * WIDTH + left + x] = 16;
      }
    }
  }
  return Buffer.concat([Buffer.from('FRAME\n'), luma, Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128)]);
}
