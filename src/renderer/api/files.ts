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
