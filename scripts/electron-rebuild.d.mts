// Types of the helpers scripts/electron-rebuild.mjs exports (used by bin/start.mjs and e2e/electron.spec.ts).
export declare const NATIVE_FILE: string;
export declare function addonAbi(bytes: Buffer): number | null;
export declare function electronTarget(root?: string): { version: string; abi: number };
export declare function electronExecutable(root?: string, env?: NodeJS.ProcessEnv): { path: string; reason?: undefined } | { path?: undefined; reason: string };
export declare function desktopStatus(root?: string, env?: NodeJS.ProcessEnv): { electron: string; reason?: undefined } | { electron?: undefined; reason: string };
export declare function electronSwitches(): string[];
export declare function buildEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
