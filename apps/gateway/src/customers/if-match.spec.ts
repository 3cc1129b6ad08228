import { BadRequestException } from '@nestjs/common';
import { expectedVersionOf } from './if-match';

describe('If-Match → the expected customer version', () => {
  it.each([
    ['"3"', 3],
    ['3', 3],
    ['W/"12"', 12],
    [' "0" ', 0],
  ])('%s is version %s', (header, version) => {
    expect(expectedVersionOf(header)).toBe(version);
  });

  it('absent or * means whatever is current', () => {
    expect(expectedVersionOf(undefined)).toBeUndefined();
    expect(expectedVersionOf('*')).toBeUndefined();
  });

  it.each(['"abc"', '"1", "2"', '-1', '"1234567890"', ''])('%j is a 400 naming the header', (header) => {
    let error: unknown;
    try {
      expectedVersionOf(header);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).getResponse()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'If-Match' }],
    });
  });
});
