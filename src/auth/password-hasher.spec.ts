import { PasswordHasher } from './password-hasher';

describe(PasswordHasher.name, () => {
  const sut = new PasswordHasher();

  it('hashes with Argon2id and verifies', async () => {
    const stored = await sut.hash('Học tập suốt đời 2030');
    expect(stored.startsWith('$argon2id$')).toBe(true);
    await expect(sut.verify(stored, 'Học tập suốt đời 2030')).resolves.toBe(true);
    await expect(sut.verify(stored, 'Hoc tap suot doi 2030')).resolves.toBe(false);
  });

  it('matches a Vietnamese passphrase typed composed or decomposed', async () => {
    const composed = 'Mật khẩu của tôi rất dài và an toàn';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const stored = await sut.hash(decomposed);
    await expect(sut.verify(stored, composed)).resolves.toBe(true);
  });

  it('answers false without an account', async () => {
    await expect(sut.verify(null, 'anything')).resolves.toBe(false);
  });
});
