import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { refuseEveryone } from './codec-access';
import { CodecAccessGuard } from './codec-access.guard';
import { CodecController } from './codec.controller';
import { CodecCorsMiddleware } from './codec-cors.middleware';
import { CODEC_ACCESS, CODEC_SERVER_OPTIONS } from './codec.tokens';
import type { CodecServerOptions } from './codec-server.config';
import { PayloadDecoder } from './payload-decoder.service';

/**
 * The codec server for Temporal UI and the CLI, at /codec. Needs TemporalClientModule (its config
 * holds the key ring). Access is CODEC_ACCESS: `options.access`, or nobody until a verifier is given.
 */
@Module({})
export class CodecServerModule implements NestModule {
  static register(options: CodecServerOptions): DynamicModule {
    return {
      module: CodecServerModule,
      controllers: [CodecController],
      providers: [
        { provide: CODEC_SERVER_OPTIONS, useValue: options },
        { provide: CODEC_ACCESS, useValue: options.access ?? refuseEveryone },
        CodecAccessGuard,
        PayloadDecoder,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CodecCorsMiddleware).forRoutes({ path: 'codec/decode', method: RequestMethod.ALL });
  }
}
