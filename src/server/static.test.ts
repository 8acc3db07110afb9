import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from './static';

describe('resolveStaticPath', () => {
  const root = '/app/out/renderer';
  it('serves index.html for / and files below the root', () => {
    expect(resolveStaticPath(root, '/')).toBe('/app/out/renderer/index.html');
    expect(resolveStaticPath(root, '/assets/index-abc.js?v=1')).toBe('/app/out/renderer/assets/index-abc.js');
  });

  it.each(['/../secret', '/%2e%2e/secret', '/assets/../../x', '/..%2f..%2fetc/passwd', '/a%00b', '/a\\..\\b', '/%E0%A4%A'])(
    'refuses %s',
    (path) => {
      expect(resolveStaticPath(root, path)).toBeNull();
    },
  );
});
