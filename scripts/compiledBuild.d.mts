// Types for compiledBuild.mjs, which stays plain JavaScript: it runs before anything can read TypeScript.
export declare const STAMP_FILE: string
export declare function sourceFingerprint(root: string): string
export declare function isCompiledCurrent(root: string): boolean
export declare function buildCompiled(root: string, compile: () => void): void
export declare function compiledPathOf(target: string): string
export declare function runEntryPoint(root: string, target: string, registerTypeScript: () => unknown, args?: string[]): Promise<{ compiled: boolean; file: string }>
