/** A text of the pack view in both languages. */
export type Text = { 'zh-CN': string; 'en-US': string };
export const tx = (zh: string, en: string): Text => ({ 'zh-CN': zh, 'en-US': en });
