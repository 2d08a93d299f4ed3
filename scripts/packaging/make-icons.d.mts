// Types for make-icons.mjs.
export declare const trayColours: Record<string, [number, number, number]>;
export declare const trayIconScales: { scaleFactor: number; size: number; suffix: string }[];
export declare function trayIcon(size: number, colour: readonly number[]): Buffer;
export declare function appIcon(size: number): Buffer;
export declare function writeIcons(outDir: string): void;
