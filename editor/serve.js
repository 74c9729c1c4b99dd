// Starts the built rubric editor (build/index.js) on 127.0.0.1, defaulting HOST, PORT, ORIGIN and RUBRICS_DIR.
import process from 'node:process';
import { fileURLToPath } from 'node:url';

process.env.HOST ||= '127.0.0.1';
process.env.PORT ||= '5173';
// adapter-node checks form posts against ORIGIN; default it to the address we listen on.
process.env.ORIGIN ||= `http://127.0.0.1:${process.env.PORT}`;
// The bundled server cannot find rubrics/ from its own location, so point it at the repository's.
process.env.RUBRICS_DIR ||= fileURLToPath(new URL('../rubrics', import.meta.url));

console.log(`กรมการพัฒนาชุมชน rubric editor: ${process.env.ORIGIN}`);

// A computed specifier: build/ exists only after `npm run build`, so type checks must not resolve it.
await import(new URL('../build/index.js', import.meta.url).href);
