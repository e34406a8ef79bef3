// Writes docs/api/errors.md from the error registry of every module.
import { writeFileSync } from 'node:fs';
import '../src/server/app.js';
import { renderErrorDocs } from '../src/server/platform/error-docs.js';

writeFileSync('docs/api/errors.md', renderErrorDocs());
console.log('docs/api/errors.md written');
