import { clearToken, normalizeToken, readToken, saveToken } from './session';

describe('token session', () => {
  it('takes what people paste: a token, a Bearer value, or a whole header', () => {
    expect(normalizeToken('  eyJ.abc.def \n')).toBe('eyJ.abc.def');
    expect(normalizeToken('Bearer eyJ.abc.def')).toBe('eyJ.abc.def');
    expect(normalizeToken('Authorization: Bearer eyJ.abc.def')).toBe('eyJ.abc.def');
  });

  it('keeps the token in the storage given', () => {
    const values = new Map<string, string>();
    const storage = {
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => void values.set(key, value),
      removeItem: (key: string) => void values.delete(key),
    };
    expect(readToken(storage)).toBeNull();
    saveToken('t-1', storage);
    expect(readToken(storage)).toBe('t-1');
    clearToken(storage);
    expect(readToken(storage)).toBeNull();
  });
});
