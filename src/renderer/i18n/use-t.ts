import { useMemo } from 'react';
import { errorMessage, translator, type Translate } from '../../shared/i18n';
import type { Language } from '../../shared/model/project';
import { useAppStore, type Message } from '../stores/app-store';

/** The translator for the current UI language. */
export function useT(): Translate {
  const language = useAppStore((state) => state.language);
  return useMemo(() => translator(language), [language]);
}

/** The current UI language (for number and date formats). */
export function useLanguage(): Language {
  return useAppStore((state) => state.language);
}

/** Text of a notification message in `language`. */
export function messageText(message: Message, t: Translate, language: Language): string {
  return 'error' in message
    ? errorMessage(message.error, language)
    : t(message.key, message.params);
}
