import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { Authenticator } from '../auth';
import { codecAccessFrom, refuseEveryone, type CodecAccess } from './codec-access';
import { CodecAccessGuard } from './codec-access.guard';
import { CodecController } from './codec.controller';
import { CodecCorsMiddleware } from './codec-cors.middleware';
import { CODEC_ACCESS, CODEC_SERVER_OPTIONS } from './codec.tokens';
import type { CodecServerOptions } from './codec-server.config';
import { PayloadDecoder } from './payload-decoder.service';

/**
 * The codec server for Temporal UI and the CLI, at /codec. Needs TemporalClientModule (its config
 * holds the key ring). Access is CODEC_ACCESS: `options.access`, else the gateway's own Authenticator (tokens and API keys), else nobody.
 */
@Module({})
export class CodecServerModule implements NestModule {
  static register(options: CodecServerOptions): DynamicModule {
    return {
      module: CodecServerModule,
      controllers: [CodecController],
      providers: [
        { provide: CODEC_SERVER_OPTIONS, useValue: options },
        options.access
          ? { provide: CODEC_ACCESS, useValue: options.access }
          : {
              provide: CODEC_ACCESS,
              inject: [{ token: Authenticator, optional: true }],
              useFactory: (authenticator?: Authenticator): CodecAccess =>
                authenticator ? codecAccessFrom(authenticator) : refuseEveryone,
            },
        CodecAccessGuard,
        PayloadDecoder,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CodecCorsMiddleware).forRoutes({ path: 'codec/decode', method: RequestMethod.ALL });
  }
}
