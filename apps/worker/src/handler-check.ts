import { jobNamesOf, QUEUES, type QueueName } from '@app/queue';

export interface ProcessorLike {
  queue: QueueName;
  handlers: object;
}

/**
 * The worker refuses to start unless every queue of the contract has a
 * processor and every job name has a handler: a job nobody handles would sit
 * in Redis forever.
 */
export function missingHandlers(processors: ProcessorLike[]): string[] {
  const problems: string[] = [];
  for (const queue of Object.values(QUEUES)) {
    const processor = processors.find((p) => p.queue === queue);
    if (!processor) {
      problems.push(`queue "${queue}" has no processor`);
      continue;
    }
    for (const name of jobNamesOf(queue)) {
      if (typeof (processor.handlers as Record<string, unknown>)[name] !== 'function') problems.push(`job "${name}" on queue "${queue}" has no handler`);
    }
  }
  return problems;
}
