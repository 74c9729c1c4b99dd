// A setup file of every test file: after a file's tests, the folders it made with tempDir are removed.
// It runs per file even when the unit tier shares modules between files (isolate: false).
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp.js';

afterAll(removeTempDirs);
