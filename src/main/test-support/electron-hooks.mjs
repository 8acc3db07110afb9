// Module resolution hooks for the harness: `import … from 'electron'` resolves to the fake module.
const fakeUrl = new URL('./fake-electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' || specifier.startsWith('electron/')) return { url: fakeUrl, shortCircuit: true };
  return nextResolve(specifier, context);
}
