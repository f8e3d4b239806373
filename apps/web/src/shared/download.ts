import { App } from 'antd';
import { useState } from 'react';
import { api, type Query } from './api';
import { errorMessage } from './error-messages';
import { useI18n } from './i18n';

/** Hands a blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads a file through the API client, so a 401/403 shows as a message instead of a JSON page. */
export function useDownload() {
  const { message } = App.useApp();
  const { lang } = useI18n();
  const [pending, setPending] = useState<string | null>(null);
  async function download(path: string, fallbackName: string, query?: Query): Promise<void> {
    setPending(path);
    try {
      const { blob, fileName } = await api.fetchFile(path, query);
      saveBlob(blob, fileName ?? fallbackName);
    } catch (error) {
      message.error(errorMessage(error, lang));
    } finally {
      setPending(null);
    }
  }
  return { download, pending };
}
