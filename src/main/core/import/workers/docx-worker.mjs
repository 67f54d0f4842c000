// Reads the text of a DOCX with mammoth, inside a worker thread with a memory cap and a time
// limit (see run-worker.ts). Raw text only: images and links are never followed or fetched.
import { parentPort, workerData } from 'node:worker_threads';
import mammoth from 'mammoth';

try {
  const result = await mammoth.extractRawText({ buffer: Buffer.from(workerData.bytes) });
  parentPort.postMessage({ ok: true, value: { text: result.value } });
} catch (error) {
  parentPort.postMessage({ ok: false, error: String(error?.message ?? error).slice(0, 300) });
}
