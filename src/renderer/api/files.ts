/** A file picked or dropped by the user, as the contract carries it (base64). */
export interface FileUpload {
  fileName: string;
  data: string;
}

/** Reads a File as base64 with the browser's own encoder (fast even for large files). */
export function readFileForUpload(file: File): Promise<FileUpload> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ fileName: file.name, data: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Pasted text as an upload of a UTF-8 .txt file, so it takes the same import path. */
export function textAsUpload(text: string, fileName: string): FileUpload {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName, data: btoa(binary) };
}

/**
 * Hands an export to the user: the native save dialog in the desktop app, a download in browser
 * mode. Resolves to the saved path (desktop), 'downloaded', or null when cancelled.
 */
export async function deliverFile(
  fileName: string,
  content: string,
  nativeDialogs: boolean,
  save: (upload: FileUpload) => Promise<string | null>,
): Promise<string | null> {
  // A BOM so Excel reads accented letters in a CSV as UTF-8.
  const text = fileName.endsWith('.csv') ? `\uFEFF${content}` : content;
  if (nativeDialogs) return save(textAsUpload(text, fileName));
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return 'downloaded';
}

/** MIME types of the office files Campo exports. */
export const OFFICE_MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  qdpx: 'application/zip',
  qdc: 'application/xml',
} as const;

/** Browser mode: hands bytes (base64, as the contract carries them) to the user as a download. */
export function downloadBase64(fileName: string, base64: string, mime: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
