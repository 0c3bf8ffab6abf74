import { isPublicAddress, RemoteImageError, RemoteImages } from './remote-images';

describe(RemoteImages.name, () => {
  it("tells public addresses from the machine's own neighbourhood", () => {
    for (const address of ['8.8.8.8', '113.160.0.1', '2001:4860:4860::8888'])
      expect(isPublicAddress(address)).toBe(true);
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.10',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      'not-an-address',
    ])
      expect(isPublicAddress(address)).toBe(false);
  });

  it('refuses an address that is not https, carries credentials, or names a private host', async () => {
    const sut = new RemoteImages();
    const refusal = (url: string) =>
      sut.fetch(url, 1000).then(
        () => null,
        (error: RemoteImageError) => error.refusal,
      );
    expect(await refusal('http://example.com/a.png')).toBe('address');
    expect(await refusal('https://user:pw@example.com/a.png')).toBe('address');
    expect(await refusal('https://127.0.0.1/a.png')).toBe('private');
    expect(await refusal('https://[::1]/a.png')).toBe('private');
    expect(await refusal('https://169.254.169.254/latest/meta-data')).toBe('private');
    // A name that resolves to this machine is refused after resolution, before any connection.
    expect(await refusal('https://localhost/a.png')).toBe('private');
  });
});
