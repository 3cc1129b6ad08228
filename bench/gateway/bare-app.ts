import { Body, Controller, Get, HttpCode, Module, Param, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

/**
 * The named alternative: NestJS 11 on Express with the same JSON body parser and nothing else —
 * no authentication, rate limit, validation, idempotency, database or Temporal. What a Nest route
 * costs by itself on this machine.
 */
@Controller('bare/tickets')
class BareTicketsController {
  private last = 0;

  @Post()
  @HttpCode(201)
  open(@Body() body: Record<string, unknown>): { number: string } {
    return { number: `CF-2026-${String(++this.last).padStart(6, '0')} ${Object.keys(body).length}`.split(' ')[0] };
  }

  @Get(':number')
  view(@Param('number') number: string): { number: string; phase: string } {
    return { number, phase: 'understand' };
  }
}

@Module({ controllers: [BareTicketsController] })
class BareModule {}

export async function startBareApp(): Promise<{ app: INestApplication; baseUrl: string }> {
  const app = await NestFactory.create(BareModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, baseUrl: `http://127.0.0.1:${port}` };
}
