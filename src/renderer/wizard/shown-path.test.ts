// Review paths use the platform's separators: no "D:\Media/media/movies".
import { describe, expect, it } from 'vitest';
import { joinShown } from './shown-path';

describe('joinShown', () => {
  it('joins a Windows root with backslashes, also for parts written with slashes', () => {
    expect(joinShown('D:\\Media', 'media/movies')).toBe('D:\\Media\\media\\movies');
    expect(joinShown('D:\\', 'media')).toBe('D:\\media');
    // As the stack config normalises it.
    expect(joinShown('D:/Media', 'media/movies')).toBe('D:\\Media\\media\\movies');
    expect(joinShown('\\\\nas\\share\\', 'tv')).toBe('\\\\nas\\share\\tv');
  });

  it('joins a POSIX root with slashes', () => {
    expect(joinShown('/srv/media/', 'media', 'tv')).toBe('/srv/media/media/tv');
    expect(joinShown('/', 'stack.yml')).toBe('/stack.yml');
  });
});
