/**
 * Imported first by code that runs zod: zod probes `new Function` unless
 * jitless, and under the CSP (script-src 'self') that probe is reported as a
 * violation. Its config lives on globalThis, so it must be set before zod's
 * module runs, here, in a module of its own.
 */
(globalThis as { __zod_globalConfig?: object }).__zod_globalConfig = { jitless: true };
