import { AppConfig } from '@app/config';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Piscina from 'piscina';
import type { RosterValidation } from './domain';
import { RegistrationError, RegistrationErrorCode } from './registration-error';
import type { RosterFileFormat } from './spreadsheet';
import type { RosterTask, RosterTaskResult } from './spreadsheet/roster-worker';

/** Longer than any honest file needs (20,000 rows read in about a second); past it the file is taken for hostile. */
const READ_TIMEOUT_MS = 20_000;
/** Uploads waiting for a thread; more are refused at once rather than held in memory. */
const MAX_WAITING = 8;
/**
 * A thread's heap: an honest file never comes near it, and a workbook that unpacks into more
 * (a zip bomb of shared strings) ends that thread, not the API.
 */
const THREAD_HEAP_MB = 256;
/**
 * A thread's young generation, much below V8's default: reading a sheet makes short-lived
 * garbage by the megabyte, and a default-sized nursery keeps every page of it after the file.
 */
const THREAD_NURSERY_MB = 8;
/**
 * A thread outlives its last file by this long, so a leader's next upload finds exceljs loaded; an
 * API that reads no rosters (most of the time, and all through a registration rush) keeps no thread
 * and none of its memory (about 30 MiB).
 */
const THREAD_IDLE_MS = 10 * 60_000;
/** The compiled task: a thread loads JavaScript, so it exists only in the build (dist/). */
const TASK_FILE = join(__dirname, 'spreadsheet', 'roster-worker.js');

/**
 * Reads and checks roster files on worker threads (piscina), off the API's event loop: a big or
 * hostile upload costs a thread of its own, capped in heap and time, while every other request
 * is served. Each API process runs up to ROSTER_READ_THREADS threads, started by the first upload
 * (which waits for exceljs to load, a fraction of a second); a further upload waits its turn.
 */
@Injectable()
export class RosterReader implements OnModuleDestroy {
  private pool: Piscina<RosterTask, RosterTaskResult> | undefined;

  constructor(private readonly config: AppConfig) {}

  /** Sets up the pool; its threads start with the uploads. */
  start(): void {
    // Run from the TypeScript sources (the in-process API of the route tests) there is no task to start.
    if (this.pool || !existsSync(TASK_FILE)) return;
    this.pool = new Piscina({
      filename: TASK_FILE,
      minThreads: 0,
      maxThreads: this.config.ROSTER_READ_THREADS,
      idleTimeout: THREAD_IDLE_MS,
      maxQueue: MAX_WAITING,
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB, maxYoungGenerationSizeMb: THREAD_NURSERY_MB },
    });
  }

  /** The file's rows, checked; a refusal of the file itself is a RegistrationError on the field `file`. */
  async read(file: Buffer, format: RosterFileFormat, today: string): Promise<RosterValidation> {
    this.start();
    if (!this.pool) throw new Error(`roster files are read by ${TASK_FILE}, which is not built`);
    const maxRows = this.config.ROSTER_MAX_ROWS;
    let result: RosterTaskResult;
    try {
      result = await this.pool.run({ file, format, maxRows, today }, { signal: AbortSignal.timeout(READ_TIMEOUT_MS), transferList: ownMemory(file) });
    } catch (err) {
      throw refusal(err);
    }
    if (result.ok) return result.checked;
    if (result.code === 'FILE_TOO_MANY_ROWS') {
      throw new RegistrationError('too_large', RegistrationErrorCode.RosterFileTooLarge, result.message, { field: 'file', code: result.code, maxRows });
    }
    throw new RegistrationError('invalid', result.code, result.message, { field: 'file' });
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }
}

/**
 * The file's memory, handed to the thread instead of copied, when the buffer is all of it (the body
 * of any upload above a few KB is); the caller's buffer is empty afterwards. A small body may share
 * Node's buffer pool with other requests' data, so it is copied.
 */
function ownMemory(file: Buffer): ArrayBuffer[] {
  const memory = file.buffer;
  return memory instanceof ArrayBuffer && file.byteOffset === 0 && file.byteLength === memory.byteLength ? [memory] : [];
}

function refusal(err: unknown): Error {
  const e = err as { name?: string; code?: string; message?: string };
  if (e.message === 'Task queue is at limit') {
    return new RegistrationError('unavailable', RegistrationErrorCode.RosterBusy, '正在处理的名单文件较多，请稍后再试', { field: null, retryAfterSeconds: 10 });
  }
  if (e.name === 'AbortError' || e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    const seconds = READ_TIMEOUT_MS / 1000;
    return new RegistrationError('too_large', RegistrationErrorCode.RosterFileTooLarge, `名单文件解压后过大或过于复杂，未能在${seconds}秒内读完，未导入任何数据；请拆分后分批导入`, {
      field: 'file',
      code: 'FILE_TOO_COMPLEX',
    });
  }
  return err as Error;
}
