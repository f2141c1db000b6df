import 'reflect-metadata';
import { IsInt, IsString, Max, Min, MinLength, validateSync } from 'class-validator';
import { InProductionMust, IntegerBetween, RequiredInProduction, SharedSecret } from './config-fields';

class Written {
  @IsInt()
  @Min(1)
  @Max(9)
  N: unknown;
}

class WrittenSecrets {
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters (a random key, e.g. openssl rand -hex 32)' })
  KEY: unknown;

  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters (a random token, e.g. openssl rand -hex 32)' })
  TOKEN: unknown;

  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters (e.g. openssl rand -hex 32)' })
  SECRET: unknown;
}

class ComposedSecrets {
  @SharedSecret('key')
  KEY: unknown;

  @SharedSecret('token')
  TOKEN: unknown;

  @SharedSecret()
  SECRET: unknown;
}

class Composed {
  @IntegerBetween(1, 9)
  N: unknown;

  NODE_ENV?: string;

  @RequiredInProduction()
  @InProductionMust('httpsInProduction', (value) => String(value).startsWith('https://'), 'must be https')
  URL?: string;
}

const failures = (config: object) =>
  validateSync(config).map((error) => [error.property, Object.entries(error.constraints ?? {})]);

describe('config fields', () => {
  it.each([['x'], [0], [10], [2.5]])('report %p as the written stack does, in the same order', (value) => {
    const [written, composed] = [new Written(), new Composed()];
    written.N = composed.N = value;
    expect(failures(composed)).toEqual(failures(written));
  });

  it.each([[7], ['short'], ['s'.repeat(32)]])(
    'reports a shared secret %p as the written stack does',
    (value) => {
      const [written, composed] = [new WrittenSecrets(), new ComposedSecrets()];
      written.KEY = written.TOKEN = written.SECRET = composed.KEY = composed.TOKEN = composed.SECRET = value;
      expect(failures(composed)).toEqual(failures(written));
    },
  );

  it('requires a production-only variable, and holds it to its production rule, in production only', () => {
    const config = Object.assign(new Composed(), { N: 1 });
    expect(failures(config)).toEqual([]);
    expect(failures(Object.assign(config, { URL: 'http://a' }))).toEqual([]);
    expect(failures(Object.assign(config, { NODE_ENV: 'production' }))).toEqual([
      ['URL', [['httpsInProduction', 'must be https']]],
    ]);
    expect(failures(Object.assign(config, { URL: undefined }))).toEqual([
      [
        'URL',
        [
          ['isDefined', 'required when NODE_ENV=production'],
          ['httpsInProduction', 'must be https'],
        ],
      ],
    ]);
  });
});
