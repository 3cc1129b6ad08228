import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { dataConverterFor } from '@caseflow/codec';
import type { TemporalConfig } from './temporal.config';
import { TEMPORAL_CLIENT, TEMPORAL_CONFIG } from './temporal.tokens';

const CONNECT_TIMEOUT_MS = 10_000;

@Injectable()
class TemporalConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}
  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}

@Module({})
export class TemporalClientModule {
  static register(config: TemporalConfig): DynamicModule {
    return {
      module: TemporalClientModule,
      global: true,
      providers: [
        { provide: TEMPORAL_CONFIG, useValue: config },
        {
          provide: TEMPORAL_CLIENT,
          useFactory: (): Client => {
            // Lazy: the gateway starts and serves its reads while Temporal is away; calls made then
            // fail under their own deadlines (the gateway answers 503), and the first one that
            // reaches the server connects.
            const connection = Connection.lazy({ address: config.address, connectTimeout: CONNECT_TIMEOUT_MS });
            return new Client({
              connection,
              namespace: config.namespace,
              dataConverter: dataConverterFor(config.codec),
            });
          },
        },
        TemporalConnectionCloser,
      ],
      exports: [TEMPORAL_CONFIG, TEMPORAL_CLIENT],
    };
  }
}
