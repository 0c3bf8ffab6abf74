// R2f's and R2p's B side: a NestJS controller on Express behind helmet, answering with the bytes of a file —
// what the framework alone costs, without hoctap's own per-request work. Arguments: port, file.
import 'reflect-metadata';
import { Controller, Get, Header, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { readFileSync } from 'node:fs';

const [port, file] = process.argv.slice(2);
const body = readFileSync(file, 'utf8');

// Decorators applied by hand: this file is plain JavaScript, run without a compile step.
class PageController {
  page() {
    return body;
  }
}
const method = Object.getOwnPropertyDescriptor(PageController.prototype, 'page');
Header('content-type', 'text/html; charset=utf-8')(PageController.prototype, 'page', method);
Get('courses')(PageController.prototype, 'page', method);
Controller()(PageController);

class BenchModule {}
Module({ controllers: [PageController] })(BenchModule);

const app = await NestFactory.create(BenchModule, { logger: false });
app.use(helmet());
await app.listen(Number(port), '127.0.0.1');
console.log('listening');
