// jsdom lacks a few browser APIs Fluent UI relies on; give component tests inert versions (layout is not under test).
if (typeof window !== 'undefined') {
  const w = window as unknown as Record<string, unknown>;
  w.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
  w.matchMedia ??= (query: string) => ({
    matches: false,
    media: query,
    addEventListener() {},
    removeEventListener() {},
    addListener() {},
    removeListener() {},
    onchange: null,
    dispatchEvent: () => false,
  });
}
