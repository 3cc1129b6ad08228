import { Module, type DynamicModule } from '@nestjs/common';
import { AVAILABILITY_OPTIONS, type AvailabilityOptions } from './availability.options';
import { TemporalCalls } from './temporal-calls.service';

@Module({})
export class AvailabilityModule {
  static register(options: AvailabilityOptions = {}): DynamicModule {
    return {
      module: AvailabilityModule,
      global: true,
      providers: [{ provide: AVAILABILITY_OPTIONS, useValue: options }, TemporalCalls],
      exports: [AVAILABILITY_OPTIONS, TemporalCalls],
    };
  }
}
