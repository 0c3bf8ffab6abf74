import { Inject, Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { JOB_HANDLER_KEY, JobHandlerFn } from './job-handler.decorator';
import { JOB_NAMES, JobName } from './job-names';

/** The job names that must have a handler: JOB_NAMES, unless a test provides its own list. */
export const REQUIRED_JOB_NAMES = Symbol('REQUIRED_JOB_NAMES');

/**
 * Finds every @JobHandler at start-up and refuses to start when a job name has none. It checks at
 * module init, before any queue starts taking jobs (the adapters start at application bootstrap).
 */
@Injectable()
export class JobHandlersRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, JobHandlerFn<JobName>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Optional() @Inject(REQUIRED_JOB_NAMES) private readonly required: readonly string[] = JOB_NAMES,
  ) {}

  onModuleInit(): void {
    this.discover();
  }

  discover(): void {
    if (this.handlers.size > 0) return;
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const name = this.reflector.get<string | undefined>(JOB_HANDLER_KEY, prototype[method]);
        if (!name) continue;
        if (this.handlers.has(name)) throw new Error(`Job "${name}" has two handlers`);
        this.handlers.set(name, (instance[method] as JobHandlerFn<JobName>).bind(instance));
      }
    }
    const missing = this.required.filter((name) => !this.handlers.has(name));
    if (missing.length > 0) {
      throw new Error(`No handler registered for job(s): ${missing.join(', ')}. Add a @JobHandler for each.`);
    }
  }

  get(name: string): JobHandlerFn<JobName> {
    this.discover();
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No handler for job "${name}"`);
    return handler;
  }
}
