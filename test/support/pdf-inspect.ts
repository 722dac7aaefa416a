/**
 * Test support: read back a PDF the way a person would see it — its text, and page 1 as pixels.
 * Dev-only (pdfjs-dist, @napi-rs/canvas are devDependencies); product code never imports this.
 *
 * pdfjs-dist ships ES modules only, and Jest's CommonJS runtime can neither require() nor import()
 * them without --experimental-vm-modules. So the work runs in a worker thread: a plain Node
 * isolate outside Jest's module system, where import() of the .mjs build works natively.
 * Each call starts and ends its own worker (a few hundred ms), so nothing is left open.
 */
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface RenderedPage {
  width: number;
  height: number;
  png: Buffer;
  /** Share of pixels that are not (near) white: 0 for a blank page. */
  inkRatio: number;
}

const TIMEOUT_MS = 30_000;

/**
 * All text of the document in reading (content-stream) order: lines end with '\n', pages are
 * separated by a blank line, Chinese comes back as Unicode through the fonts' ToUnicode maps.
 * A phrase wrapped over two lines is found in `text.replace(/\n/g, '')`.
 */
export async function pdfText(pdf: Buffer): Promise<string> {
  return (await inWorker({ task: 'text', pdf })) as string;
}

/** Page 1 rasterised at `scale` × 72 dpi on a white background. */
export async function renderFirstPage(pdf: Buffer, scale = 1): Promise<RenderedPage> {
  const r = (await inWorker({ task: 'render', pdf, scale })) as Omit<RenderedPage, 'png'> & { png: Uint8Array };
  return { ...r, png: Buffer.from(r.png.buffer, r.png.byteOffset, r.png.byteLength) };
}

// Runs in the worker thread as CommonJS (eval); no TypeScript, no Jest.
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { pdfjsUrl, workerUrl, assets, canvasPath, task, pdf, scale } = workerData;

async function run() {
  const pdfjs = await import(pdfjsUrl);
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    standardFontDataUrl: assets + '/standard_fonts/',
    cMapUrl: assets + '/cmaps/',
    cMapPacked: true,
    wasmUrl: assets + '/wasm/',
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    if (task === 'text') {
      const pages = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        let text = '';
        for (const item of content.items) text += (item.str || '') + (item.hasEOL ? '\n' : '');
        pages.push(text.endsWith('\n') ? text : text + '\n');
      }
      return { value: pages.join('\n') };
    }
    const { createCanvas } = require(canvasPath);
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas, canvasContext: ctx, viewport }).promise;
    const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 0; i < px.length; i += 4) if (Math.min(px[i], px[i + 1], px[i + 2]) < 240) ink++;
    const png = canvas.toBuffer('image/png');
    return { value: { width: canvas.width, height: canvas.height, inkRatio: ink / (px.length / 4), png: new Uint8Array(png) } };
  } finally {
    await doc.destroy();
  }
}

run().then(
  (r) => parentPort.postMessage({ ok: true, value: r.value }),
  (e) => parentPort.postMessage({ ok: false, error: String((e && e.stack) || e) }),
);
`;

function inWorker(data: { task: 'text' | 'render'; pdf: Buffer; scale?: number }): Promise<unknown> {
  const pdfjsMain = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
  const workerData = {
    ...data,
    pdf: new Uint8Array(data.pdf),
    pdfjsUrl: pathToFileURL(pdfjsMain).href,
    workerUrl: pathToFileURL(join(dirname(pdfjsMain), 'pdf.worker.mjs')).href,
    // pdfjs reads its font data, CMaps and wasm from the file system under Node: plain paths.
    assets: join(dirname(pdfjsMain), '..', '..'),
    canvasPath: require.resolve('@napi-rs/canvas'),
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => settle(() => reject(new Error(`pdf-inspect: no answer in ${TIMEOUT_MS} ms`))), TIMEOUT_MS);
    worker.once('message', (m: { ok: boolean; value?: unknown; error?: string }) =>
      settle(() => (m.ok ? resolve(m.value) : reject(new Error(`pdf-inspect: ${m.error}`)))),
    );
    worker.once('error', (e) => settle(() => reject(e)));
    worker.once('exit', (code) => settle(() => reject(new Error(`pdf-inspect: worker exited with code ${code}`))));
  });
}
