// The monaco-yaml language worker as a local entry, so Vite can bundle it with `?worker`.
import 'monaco-yaml/yaml.worker.js';
