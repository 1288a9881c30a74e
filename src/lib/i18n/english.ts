import messages from './en.json';
import compiled from './en.json?icu';
import type { Dictionary } from '.';

// English with its ASTs in one module, so the language switch loads them as one chunk.
export default { messages, compiled } satisfies Dictionary;
