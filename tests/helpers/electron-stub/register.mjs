// `node --import <this file> dist/main/main.mjs …`: installs the hook that serves the stand-in electron module.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
